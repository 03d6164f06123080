import authHeader from "auth-header";
import type { Credentials, CredentialsLookup } from "./credentials.js";

/** How a registry asked to be authenticated, learned from its first 401. */
type Challenge =
  | { readonly scheme: "basic" }
  | { readonly scheme: "bearer"; readonly realm: string; readonly service: string | undefined };

/** Fetches a URL for the token flow; the client passes its own (timeout, signal, request counting). */
export type TokenFetch = (url: string, init: { method: "GET" | "POST"; headers: Record<string, string>; body?: string }) => Promise<Response>;

/** What a token request may fail with; the client turns it into its error with the registry named. */
export class TokenRequestError extends Error {
  constructor(
    readonly status: number,
    readonly realm: string,
    message: string,
  ) {
    super(message);
  }
}

interface CachedToken {
  readonly token: string;
  /** Clock milliseconds after which the token is fetched again. */
  readonly expiresAt: number;
}

// docker/distribution's default when a token answer has no expires_in.
const DEFAULT_TOKEN_SECONDS = 60;
// Ask again a little early, so a token never expires between our check and the registry's.
const EXPIRY_MARGIN_MS = 5_000;

const basic = (c: { username: string; password: string }): string => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}`;

function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  // Some registries offer several schemes in one header; take the first one we speak.
  for (const part of header.split(/,\s*(?=(?:Basic|Bearer)\s)/i)) {
    let parsed: ReturnType<typeof authHeader.parse>;
    try {
      parsed = authHeader.parse(part);
    } catch {
      continue;
    }
    const param = (name: string): string | undefined => {
      const value = parsed.params[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const scheme = parsed.scheme.toLowerCase();
    if (scheme === "basic") return { scheme: "basic" };
    const realm = param("realm");
    if (scheme === "bearer" && realm) return { scheme: "bearer", realm, service: param("service") };
  }
  return undefined;
}

/**
 * The Authorization header of a registry's requests, as the docker CLI (distribution's client auth)
 * builds it: nothing until the registry answers 401; then Basic with the registry's credentials, or
 * the bearer token flow from `WWW-Authenticate` (realm, service, the request's scopes; credentials
 * by Basic, an identity token by the OAuth2 refresh grant). Tokens are kept per registry and scope
 * set until they expire, so each scope costs one token request.
 */
export class Authorizer {
  private readonly challenges = new Map<string, Challenge>();
  private readonly tokens = new Map<string, CachedToken>();
  private readonly credentials = new Map<string, Promise<Credentials | undefined>>();

  constructor(
    private readonly lookup: CredentialsLookup,
    private readonly now: () => number,
  ) {}

  /** Whether the registry's credentials were found (for messages on a 401). */
  async hasCredentials(registry: string): Promise<boolean> {
    return (await this.credentialsOf(registry)) !== undefined;
  }

  /** The header to send before any 401, when the registry's challenge is already known. */
  async header(registry: string, scopes: readonly string[], fetchToken: TokenFetch): Promise<string | undefined> {
    const challenge = this.challenges.get(registry);
    return challenge === undefined ? undefined : this.headerFor(registry, challenge, scopes, fetchToken);
  }

  /**
   * Learns the challenge of a 401 answer and returns the header to send again with, or undefined
   * when there is nothing better to send (no credentials for Basic, an unknown scheme, or the same
   * token that was just refused).
   */
  async answer(registry: string, wwwAuthenticate: string | null, scopes: readonly string[], sent: string | undefined, fetchToken: TokenFetch): Promise<string | undefined> {
    const challenge = parseChallenge(wwwAuthenticate);
    if (challenge === undefined) return undefined;
    this.challenges.set(registry, challenge);
    // A refused token is dropped, so the next header asks for a new one (the scope may have changed).
    if (sent !== undefined) for (const [key, cached] of this.tokens) if (`Bearer ${cached.token}` === sent) this.tokens.delete(key);
    const header = await this.headerFor(registry, challenge, scopes, fetchToken);
    return header === sent ? undefined : header;
  }

  private credentialsOf(registry: string): Promise<Credentials | undefined> {
    let found = this.credentials.get(registry);
    if (found === undefined) this.credentials.set(registry, (found = this.lookup(registry)));
    return found;
  }

  private async headerFor(registry: string, challenge: Challenge, scopes: readonly string[], fetchToken: TokenFetch): Promise<string | undefined> {
    const credentials = await this.credentialsOf(registry);
    if (challenge.scheme === "basic") return credentials !== undefined && "password" in credentials ? basic(credentials) : undefined;
    if (credentials !== undefined && "registryToken" in credentials) return `Bearer ${credentials.registryToken}`;
    const key = `${registry} ${[...scopes].sort().join(" ")}`;
    const cached = this.tokens.get(key);
    if (cached !== undefined && cached.expiresAt > this.now()) return `Bearer ${cached.token}`;
    const token = await this.fetchToken(challenge, scopes, credentials, fetchToken);
    this.tokens.set(key, token);
    return `Bearer ${token.token}`;
  }

  private async fetchToken(
    challenge: { realm: string; service: string | undefined },
    scopes: readonly string[],
    credentials: Credentials | undefined,
    fetchToken: TokenFetch,
  ): Promise<CachedToken> {
    const issuedAt = this.now();
    let response: Response;
    if (credentials !== undefined && "identityToken" in credentials) {
      const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: credentials.identityToken, client_id: "imgs" });
      if (challenge.service) form.set("service", challenge.service);
      if (scopes.length > 0) form.set("scope", scopes.join(" "));
      response = await fetchToken(challenge.realm, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() });
    } else {
      const url = new URL(challenge.realm);
      if (challenge.service) url.searchParams.set("service", challenge.service);
      for (const scope of scopes) url.searchParams.append("scope", scope);
      const headers: Record<string, string> = credentials !== undefined && "password" in credentials ? { authorization: basic(credentials) } : {};
      response = await fetchToken(url.toString(), { method: "GET", headers });
    }
    const text = await response.text();
    if (!response.ok) throw new TokenRequestError(response.status, challenge.realm, `token server ${challenge.realm} answered HTTP ${response.status}${text ? `: ${text.trim().slice(0, 200)}` : ""}`);
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new TokenRequestError(response.status, challenge.realm, `token server ${challenge.realm} answered something that is not JSON`);
    }
    const token = typeof body.token === "string" && body.token ? body.token : body.access_token;
    if (typeof token !== "string" || token === "") throw new TokenRequestError(response.status, challenge.realm, `token server ${challenge.realm} answered without a token`);
    const seconds = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_SECONDS;
    return { token, expiresAt: issuedAt + seconds * 1000 - EXPIRY_MARGIN_MS };
  }
}
