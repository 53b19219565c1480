// A loopback OpenID provider for Orrery's tests (oidc-provider 9 on Node 20+). Not for production.
//
//   node provider.mjs [--port 0] [--audience urn:orrery:broker] [--access-ttl 300] [--refresh-ttl 86400]
//
// Prints the issuer URL (http://127.0.0.1:PORT) as its first line on stdout once it listens; stops on SIGTERM or when
// stdin closes. What it offers is described in README.md beside this file.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet, decodeJwt } from 'jose';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const BROKER_SCOPES = ['eb:ask', 'eb:accept', 'eb:cancel'];

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const port = Number(args.port ?? 0);
const defaultAudience = args.audience ?? 'urn:orrery:broker';
const accessTtl = Number(args['access-ttl'] ?? 300);
const refreshTtl = Number(args['refresh-ttl'] ?? 86400);

let issuer;
let signing; // { kid, privateKey, publicJwk, privateJwk }
let provider;

async function newKey() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk, privateJwk };
}

function account(id) {
  return { accountId: id, claims: async () => ({ sub: id, name: id, email: `${id}@example.org` }) };
}

function resourceServer(audience) {
  return {
    scope: BROKER_SCOPES.join(' '),
    audience,
    accessTokenTTL: accessTtl,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  };
}

function configuration() {
  return {
    clients: [{
      client_id: 'orrery',
      client_name: 'Orrery (test)',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://127.0.0.1/', 'http://127.0.0.1/callback', 'http://[::1]/callback'],
      grant_types: ['authorization_code', 'refresh_token', DEVICE_CODE, TOKEN_EXCHANGE],
      response_types: ['code'],
    }],
    jwks: { keys: [signing.privateJwk] },
    cookies: { keys: ['orrery-test-provider-cookies'] },
    scopes: ['openid', 'offline_access', ...BROKER_SCOPES],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    findAccount: async (_ctx, id) => account(id),
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: accessTtl,
      RefreshToken: refreshTtl,
      DeviceCode: 600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 86400,
      Grant: 86400,
    },
    rotateRefreshToken: true,
    features: {
      devInteractions: { enabled: false },
      deviceFlow: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? defaultAudience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => resourceServer(resource),
      },
    },
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token')
        && code.scopes.has('offline_access'),
    // the broker scopes are resource scopes: they go to the access token, never to the id token
    extraTokenClaims: async () => undefined,
  };
}

/** RFC 8693: an access token this provider issued, exchanged for one of the requested audience and scope. */
async function tokenExchange(ctx) {
  const { params, client } = ctx.oidc;
  const fail = (error, description) => {
    ctx.status = 400;
    ctx.body = { error, error_description: description };
  };
  if (params.subject_token_type !== ACCESS_TOKEN_TYPE) {
    return fail('invalid_request', `subject_token_type must be ${ACCESS_TOKEN_TYPE}`);
  }
  let subject;
  try {
    ({ payload: subject } = await jwtVerify(params.subject_token,
      createLocalJWKSet({ keys: [signing.publicJwk] }), { issuer }));
  } catch (e) {
    return fail('invalid_grant', `subject_token: ${e.code ?? e.message}`);
  }
  const had = new Set(String(subject.scope ?? '').split(' ').filter(Boolean));
  const asked = params.scope ? params.scope.split(' ').filter(Boolean) : [...had];
  const refused = asked.filter((s) => !had.has(s));
  if (refused.length) return fail('invalid_scope', `the subject token does not carry ${refused.join(' ')}`);
  const audience = params.audience ?? params.resource ?? defaultAudience;
  const token = await mint({ sub: subject.sub, aud: audience, scope: asked.join(' '), client_id: client.clientId });
  ctx.body = {
    access_token: token,
    issued_token_type: ACCESS_TOKEN_TYPE,
    token_type: 'Bearer',
    expires_in: accessTtl,
    scope: asked.join(' '),
  };
}

/** A JWT access token signed with the current key (or, with foreign, a key of the same kid that is not published). */
async function mint(claims = {}, { expiresIn = accessTtl, foreign = false } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: issuer, sub: 'alice', aud: defaultAudience, scope: BROKER_SCOPES.join(' '), client_id: 'orrery',
    iat: now, exp: now + Number(expiresIn), jti: randomUUID(), ...claims,
  };
  const key = foreign ? (await generateKeyPair('RS256')).privateKey : signing.privateKey;
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: signing.kid, typ: 'at+jwt' }).sign(key);
}

async function startProvider() {
  const p = new Provider(issuer, configuration());
  p.registerGrantType(TOKEN_EXCHANGE, tokenExchange,
    ['subject_token', 'subject_token_type', 'audience', 'scope', 'requested_token_type', 'actor_token', 'actor_token_type']);
  p.on('server_error', (_ctx, err) => console.error('provider error:', err));
  provider = p;
}

// ---- the user's steps: the test account (?login=, else login_hint, else alice) signs in at once and consents to
// everything asked, in one step (so a browser reaches the redirect URI in three redirects)
async function interaction(req, res, url) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  const accountId = session?.accountId ?? url.searchParams.get('login') ?? params.login_hint ?? 'alice';
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: params.client_id });
  const asked = String(params.scope ?? '').split(' ').filter(Boolean);
  // the broker scopes count as OIDC scopes in the device flow and as resource scopes in the code flow: grant both
  grant.addOIDCScope(asked.join(' '));
  const brokerScopes = asked.filter((s) => BROKER_SCOPES.includes(s)).join(' ');
  for (const resource of [params.resource ?? defaultAudience].flat()) {
    if (brokerScopes) grant.addResourceScope(resource, brokerScopes);
  }
  const { missingOIDCClaims, missingResourceScopes } = prompt.details;
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  const result = { consent: { grantId: await grant.save() } };
  if (prompt.name === 'login') result.login = { accountId };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
}

/** Drives the device flow's HTML forms (user code, confirm, sign-in) as a browser would, with a cookie jar. */
async function approveDevice(userCode, login) {
  const jar = new Map();
  const send = async (path, form) => {
    let target = new URL(path, issuer);
    let body = form ? new URLSearchParams(form).toString() : undefined;
    let method = form ? 'POST' : 'GET';
    for (let hops = 0; hops < 20; hops += 1) {
      if (target.pathname.startsWith('/interaction/')) target.searchParams.set('login', login);
      const res = await fetch(target, {
        method, body, redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      if (res.status < 300 || res.status >= 400) return { status: res.status, html: await res.text() };
      target = new URL(res.headers.get('location'), target);
      method = 'GET';
      body = undefined;
    }
    throw new Error('too many redirects');
  };
  const hidden = (html) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)]
    .map((m) => [m[1], m[2]]));
  const input = await send('/device');
  const confirm = await send('/device', { ...hidden(input.html), user_code: userCode });
  if (!confirm.html.includes('op.deviceConfirmForm')) return { approved: false, page: confirm.html };
  const done = await send('/device', hidden(confirm.html));
  return { approved: done.status === 200 && /Sign-in Success/.test(done.html), status: done.status };
}

// ---- test controls under /test/
async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(text);
  return Object.fromEntries(new URLSearchParams(text));
}

function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

async function testControl(req, res, url) {
  if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
  const body = await readBody(req);
  switch (url.pathname) {
    case '/test/rotate':
      signing = await newKey();
      await startProvider();
      return json(res, 200, { kid: signing.kid });
    case '/test/mint': {
      const { expiresIn, foreign, ...claims } = body;
      return json(res, 200, { token: await mint(claims, { expiresIn: expiresIn ?? accessTtl, foreign: !!foreign }) });
    }
    case '/test/device':
      return json(res, 200, await approveDevice(body.user_code, body.login ?? 'alice'));
    default:
      return json(res, 404, { error: 'unknown test control' });
  }
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (url.pathname.startsWith('/test/')) return await testControl(req, res, url);
    if (url.pathname.startsWith('/interaction/')) return await interaction(req, res, url);
    return provider.callback()(req, res);
  } catch (e) {
    console.error(e);
    if (!res.headersSent) json(res, 500, { error: String(e.message ?? e) });
    else res.end();
  }
});

server.listen(port, '127.0.0.1', async () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  signing = await newKey();
  await startProvider();
  process.stdout.write(`${issuer}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
