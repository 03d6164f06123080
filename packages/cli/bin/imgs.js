#!/usr/bin/env node
// The built CLI lives in dist; this file only exists so the bin link is valid before a build.
import "../dist/bin.js";
