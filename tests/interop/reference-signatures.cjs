'use strict';
// Reference signatures from Alibaba Cloud's official signing utility (@alicloud/openapi-util,
// the code the SDKs sign with; protocols.md §1.9), printed as one JSON document on stdout for
// tests/interop/TestSdkReferenceSignatures.cpp to recompute with keydesk::protocol.
//
//   node reference-signatures.cjs            random inputs from a fresh seed
//   KEYDESK_INTEROP_SEED=123 node ...        the same inputs again (the seed is in the output)
//
// Inputs stay within what the SDK itself supports: V3 query names need no percent-encoding
// (the SDK does not encode them, protocols.md §1.2), values are well-formed Unicode, and no
// header value starts or ends with non-ASCII whitespace (JavaScript's trim() would remove it).

const crypto = require('crypto');
const OpenApiUtil = require('@alicloud/openapi-util').default;

const seed = Number.parseInt(process.env.KEYDESK_INTEROP_SEED || '', 10)
    || crypto.randomInt(1, 2 ** 31);

// mulberry32: small, seedable, good enough to pick test inputs.
let state = seed >>> 0;
function random() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const below = (n) => Math.floor(random() * n);
const pick = (items) => items[below(items.length)];
const chance = (p) => random() < p;

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~';
const ASCII_PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
// Non-ASCII letters and symbols below U+D800 plus characters outside the BMP: JavaScript's
// UTF-16 order and the UTF-8 byte order agree on them (protocols.md §1.2 sorts in JS order).
const UNICODE = ['é', 'ß', 'ü', 'ж', 'Ω', '中', '文', '한', 'ا', '€', '→', '😀', '𝄞', '🔑'];

function randomString(length, alphabet) {
    let out = '';
    for (let i = 0; i < length; ++i)
        out += alphabet[below(alphabet.length)];
    return out;
}

// A value mixing ASCII (reserved characters and spaces included) and Unicode; sometimes empty.
function randomValue(maxLength = 24) {
    if (chance(0.12))
        return '';
    const length = 1 + below(maxLength);
    let out = '';
    for (let i = 0; i < length; ++i) {
        const roll = random();
        if (roll < 0.55)
            out += pick(ASCII_PRINTABLE);
        else if (roll < 0.7)
            out += ' ';
        else
            out += pick(UNICODE);
    }
    return out;
}

function randomName(alphabet, maxLength = 12) {
    return randomString(1 + below(maxLength), alphabet);
}

const randomCase = (text) => [...text].map((c) => (chance(0.5) ? c.toUpperCase() : c)).join('');
const sha256Hex = (text) => crypto.createHash('sha256').update(Buffer.from(text, 'utf8'))
    .digest('hex');
const pairs = (object) => Object.entries(object).map(([k, v]) => [k, String(v)]);

function acs3Case(name, input) {
    const request = { method: input.method, pathname: input.pathname, query: input.query,
                      headers: input.headers };
    const authorization = OpenApiUtil.getAuthorization(
        request, 'ACS3-HMAC-SHA256', input.payloadHash, input.accessKeyId, input.accessKeySecret);
    return {
        name,
        method: input.method,
        pathname: input.pathname === undefined ? null : input.pathname,
        query: pairs(input.query || {}),
        headers: pairs(input.headers),
        body: input.body === undefined ? null : input.body,
        payloadHash: input.payloadHash,
        accessKeyId: input.accessKeyId,
        accessKeySecret: input.accessKeySecret,
        authorization,
        documentedSignature: input.documentedSignature || null,
    };
}

function rpcCase(name, input) {
    return {
        name,
        method: input.method,
        // What the SDK signs: nested parameters flattened to Key.1.Sub, values as strings.
        params: pairs(OpenApiUtil.query(input.params)),
        accessKeySecret: input.accessKeySecret,
        signature: OpenApiUtil.getRPCSignature(input.params, input.method, input.accessKeySecret),
        documentedSignature: input.documentedSignature || null,
    };
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const docHeaders = (host, action, version) => ({
    host,
    'x-acs-action': action,
    'x-acs-version': version,
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-content-sha256': EMPTY_SHA256,
});

function fixedAcs3Cases() {
    const doc = { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret',
                  payloadHash: EMPTY_SHA256, body: '', method: 'POST', pathname: '/' };
    return [
        // protocols.md §1.5, the official ECS example (the SDK ignores user-agent and accept).
        acs3Case('doc: ECS RunInstances', { ...doc,
            query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd',
                     RegionId: 'cn-shanghai' },
            headers: { ...docHeaders('ecs.cn-shanghai.aliyuncs.com', 'RunInstances', '2014-05-26'),
                       'user-agent': 'AlibabaCloud Node.js', accept: 'application/json' },
            documentedSignature: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0' }),
        // §1.6, the SDK's own unit test under today's empty-value rule (no path, duplicate header).
        acs3Case('sdk unit test: empty value, duplicate header', {
            method: 'GET', query: { test: 'ok', empty: '' },
            headers: { 'x-acs-test': 'http', 'x-acs-TEST': 'https' },
            payloadHash: '55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23',
            accessKeyId: 'acesskey', accessKeySecret: 'secret',
            documentedSignature: '910e59dd385879346de704a06c96613f8157aa7124e6d1c4f2bdffa1e5588187' }),
        // §1.6, the RAM vectors with and without STS headers.
        acs3Case('ram: ListAccessKeys', { ...doc, query: { UserName: 'alice' },
            headers: docHeaders('ram.aliyuncs.com', 'ListAccessKeys', '2015-05-01'),
            documentedSignature: 'a97c23224ddd47568eac73e10c16982556cccd1ed68d27f7fb27d06aeab93546' }),
        acs3Case('ram: ListAccessKeys with STS', { ...doc, accessKeyId: 'STS.TestId',
            query: { UserName: 'alice' },
            headers: { ...docHeaders('ram.aliyuncs.com', 'ListAccessKeys', '2015-05-01'),
                       'x-acs-accesskey-id': 'STS.TestId', 'x-acs-security-token': 'TestToken' },
            documentedSignature: '5c0410dbf6ee0e3fc72ee8fae1ebc143eed8618a24a3ffa8e9b27bf77921fcd4' }),
        // §1.2, the tested edge case for value encoding.
        acs3Case('values: space, reserved, CJK, empty', { ...doc,
            query: { a: 'x y', b: "*~/!'()", c: '中', e: '' },
            headers: docHeaders('127.0.0.1:8080', 'ListUsers', '2015-05-01') }),
        // §1.2: the canonical URI rewrites one "+", one "*" and one "%7E" (first occurrence).
        acs3Case('path: + * %7E', { ...doc, method: 'GET', pathname: '/a+b/c*d/%7Euser',
            query: {}, headers: docHeaders('127.0.0.1:8080', 'GetThing', '2026-03-18') }),
        acs3Case('json body with content-type', { ...doc, method: 'PUT',
            pathname: '/maas/apikeys/k-1', query: {}, body: '{"description":"测试 key"}',
            payloadHash: sha256Hex('{"description":"测试 key"}'),
            headers: { ...docHeaders('127.0.0.1:8080', 'UpdateApiKey', '2026-03-18'),
                       'x-acs-content-sha256': sha256Hex('{"description":"测试 key"}'),
                       'content-type': 'application/json; charset=utf-8' } }),
    ];
}

function randomAcs3Case(index) {
    const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
    let pathname = '/';
    if (chance(0.5)) {
        const segments = Array.from({ length: 1 + below(4) }, () => randomValue(10) || 'x');
        pathname = OpenApiUtil.getEncodePath(`/${segments.join('/')}`); // as the SDK sends ROA paths
    }
    const query = {};
    for (let i = below(7); i > 0; --i) {
        const key = randomName(UNRESERVED);
        if (key !== '__proto__')
            query[key] = randomValue();
    }
    const body = chance(0.6) ? '' : randomValue(64);
    const payloadHash = sha256Hex(body);
    const padded = (v) => `${pick(['', ' ', '\t', '  '])}${v}${pick(['', ' ', '\t', ' \t'])}`;
    const headers = {
        [randomCase('host')]: pick(['ram.aliyuncs.com', '127.0.0.1:49152', 'localhost:8080']),
        [randomCase('x-acs-action')]: randomName(UNRESERVED.slice(0, 52), 20),
        [randomCase('x-acs-version')]: '2015-05-01',
        [randomCase('x-acs-date')]: padded('2026-01-02T03:04:05Z'),
        [randomCase('x-acs-signature-nonce')]: crypto.randomBytes(16).toString('hex'),
        'x-acs-content-sha256': payloadHash,
    };
    if (body !== '')
        headers['content-type'] = pick(['application/json; charset=utf-8',
                                        'application/x-www-form-urlencoded']);
    if (chance(0.5)) {
        headers['user-agent'] = randomValue(); // not signed
        headers.accept = 'application/json';
    }
    for (let i = below(4); i > 0; --i) {
        const name = `x-acs-${randomName('abcdefghijklmnopqrstuvwxyz0123456789-', 10)}`;
        headers[name] = padded(randomValue());
        if (chance(0.4)) // the same header again under another spelling: values are merged
            headers[name.toUpperCase()] = padded(randomValue());
    }
    const secret = chance(0.2) ? `${randomString(20, UNRESERVED)}${pick(UNICODE)}`
                               : randomString(30, UNRESERVED.slice(0, 62));
    return acs3Case(`random acs3 #${index}`, { method, pathname, query, headers, body,
        payloadHash, accessKeyId: `LTAI${randomString(20, UNRESERVED.slice(0, 62))}`,
        accessKeySecret: secret });
}

function fixedRpcCases() {
    const ecs = { AccessKeyId: 'testid', Action: 'DescribeDedicatedHosts', Format: 'JSON',
                  RegionId: 'cn-beijing', SignatureMethod: 'HMAC-SHA1',
                  SignatureNonce: 'edb2b34af0af9a6d14deaf7c1a5315eb', SignatureVersion: '1.0',
                  Timestamp: '2023-03-13T08:34:30Z', Version: '2014-05-26' };
    return [
        // protocols.md §1.8, the official vectors.
        rpcCase('doc: ECS GET', { method: 'GET', params: ecs, accessKeySecret: 'testsecret',
                                  documentedSignature: '9NaGiOspFP5UPcwX8Iwt2YJXXuk=' }),
        rpcCase('doc: ECS POST', { method: 'POST', params: ecs, accessKeySecret: 'testsecret',
                                   documentedSignature: 'ZvQ9xGiFnquSJRvj+WE6kdSpTwU=' }),
        rpcCase('doc: IMS CreateUser', { method: 'GET', accessKeySecret: 'testsecret',
            params: { Action: 'CreateUser', UserPrincipalName: 'test@example.onaliyun.com',
                      DisplayName: 'test', SignatureVersion: '1.0', Format: 'JSON',
                      Timestamp: '2021-01-15T06:02:28Z', AccessKeyId: 'testid',
                      SignatureMethod: 'HMAC-SHA1', Version: '2019-08-15',
                      SignatureNonce: '3f6b4e80-56f7-11eb-a256-a9f756ea7e85' },
            documentedSignature: '02heLegtw4+BFamznl1Ltj+vJ4A=' }),
        rpcCase('sdk unit test: empty method', { method: '', params: { test: 'ok' },
            accessKeySecret: 'accessKeySecret', documentedSignature: 'jHx/oHoHNrbVfhncHEvPdHXZwHU=' }),
        rpcCase('ram: ListAccessKeys', { method: 'POST', accessKeySecret: 'YourAccessKeySecret',
            params: { AccessKeyId: 'YourAccessKeyId', Action: 'ListAccessKeys', Format: 'json',
                      SignatureMethod: 'HMAC-SHA1',
                      SignatureNonce: '3156853299f313e23d1673dc12e1703d',
                      SignatureVersion: '1.0', Timestamp: '2023-10-26T10:22:32Z',
                      UserName: 'alice', Version: '2015-05-01' },
            documentedSignature: 'iFZqL0ckG9gvQx/GXqWhsQcNbE4=' }),
        rpcCase('nested and typed parameters', { method: 'POST', accessKeySecret: 's3cr3t',
            params: { Action: 'TagResources', MaxItems: 100, Enabled: true, Empty: '',
                      Tag: [{ Key: 'env', Value: 'prod ction' }, { Key: '中', Value: '*' }],
                      Filter: { Name: 'a b', Values: ['x', 'y'] } } }),
    ];
}

function randomRpcCase(index) {
    const params = {
        AccessKeyId: `LTAI${randomString(20, UNRESERVED.slice(0, 62))}`,
        Action: randomName(UNRESERVED.slice(0, 52), 20),
        Format: pick(['json', 'JSON', 'XML']),
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: crypto.randomBytes(16).toString('hex'),
        SignatureVersion: '1.0',
        Timestamp: '2026-01-02T03:04:05Z',
        Version: '2015-05-01',
    };
    // The V1 signer encodes names too, so names may hold spaces and Unicode here.
    const nameAlphabet = [...UNRESERVED, ' ', '*', '!', 'é', '中', '😀'];
    for (let i = below(7); i > 0; --i) {
        const key = randomName(nameAlphabet);
        if (key !== '__proto__' && key !== 'Signature')
            params[key] = randomValue();
    }
    if (chance(0.3))
        params.Tag = [{ Key: randomValue(8) || 'k', Value: randomValue(8) }];
    const secret = chance(0.2) ? `${randomString(20, UNRESERVED)}${pick(UNICODE)}`
                               : randomString(30, UNRESERVED.slice(0, 62));
    return rpcCase(`random rpc #${index}`, { method: pick(['GET', 'POST']), params,
                                              accessKeySecret: secret });
}

const RANDOM_CASES = 60;
const output = {
    generator: {
        '@alicloud/openapi-util': require('@alicloud/openapi-util/package.json').version,
        node: process.version,
    },
    seed,
    acs3: [...fixedAcs3Cases(),
           ...Array.from({ length: RANDOM_CASES }, (_, i) => randomAcs3Case(i + 1))],
    rpc: [...fixedRpcCases(),
          ...Array.from({ length: RANDOM_CASES }, (_, i) => randomRpcCase(i + 1))],
};
process.stdout.write(`${JSON.stringify(output, null, 1)}\n`);
