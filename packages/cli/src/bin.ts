console.log("imgs: not built yet");
