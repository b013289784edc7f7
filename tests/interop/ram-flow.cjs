'use strict';
// Drives a running keydesk-sandbox with Alibaba Cloud's official RAM client
// (@alicloud/ram20150501 on @alicloud/openapi-core), exactly as an application would.
//
//   node ram-flow.cjs v3|v2|wrong-secret
//
// The sandbox and the credentials come from the environment, never the command line:
//   KEYDESK_SANDBOX_URL             e.g. http://127.0.0.1:8080
//   KEYDESK_ACCESS_KEY_ID           a root AccessKey of a sandbox account
//   KEYDESK_ACCESS_KEY_SECRET       its secret
// One line per check: "PASS <scenario> <check>" or "FAIL <scenario> <check>: ..."; the last line
// is "DONE <scenario> <passed> passed, <failed> failed". Exit code 0 only if every check passed.
// Key secrets are never printed.

const crypto = require('crypto');
const Ram = require('@alicloud/ram20150501');
const { $OpenApiUtil } = require('@alicloud/openapi-core');

const RamClient = Ram.default;
const scenario = process.argv[2];
let passed = 0;
let failed = 0;

function pass(check) {
    passed += 1;
    console.log(`PASS ${scenario} ${check}`);
}

function fail(check, detail) {
    failed += 1;
    console.log(`FAIL ${scenario} ${check}: ${detail}`);
}

// What the SDK's exception carries (code, HTTP status, message, request id), on one line.
function describeError(error) {
    if (!error || typeof error !== 'object')
        return String(error);
    const parts = [];
    if (error.name)
        parts.push(`name=${error.name}`);
    if (error.code !== undefined)
        parts.push(`code=${error.code}`);
    if (error.statusCode !== undefined)
        parts.push(`status=${error.statusCode}`);
    if (error.requestId !== undefined)
        parts.push(`requestId=${error.requestId}`);
    parts.push(`message=${String(error.message).replace(/\s+/g, ' ')}`);
    return parts.join(' ');
}

function requireEnv(name) {
    const value = process.env[name];
    if (!value) {
        console.log(`FAIL ${scenario} environment: ${name} is not set`);
        process.exit(2);
    }
    return value;
}

function makeClient(accessKeyId, accessKeySecret, signatureAlgorithm) {
    const url = new URL(requireEnv('KEYDESK_SANDBOX_URL'));
    const config = new $OpenApiUtil.Config({
        accessKeyId,
        accessKeySecret,
        endpoint: url.host, // "127.0.0.1:PORT": the client sends it as the (signed) host header
        protocol: url.protocol.replace(':', ''),
        connectTimeout: 5000,
        readTimeout: 10000,
    });
    if (signatureAlgorithm)
        config.signatureAlgorithm = signatureAlgorithm;
    return new RamClient(config);
}

// Runs one SDK call that must succeed; `verify` returns an error text or nothing.
async function expectOk(check, call, verify) {
    let response;
    try {
        response = await call();
    } catch (error) {
        fail(check, describeError(error));
        return undefined;
    }
    const problem = verify ? verify(response) : undefined;
    if (problem)
        fail(check, problem);
    else
        pass(check);
    return response;
}

// Runs one SDK call that must fail with the given error code (and HTTP status).
async function expectError(check, call, code, status) {
    try {
        const response = await call();
        fail(check, `expected ${code}, got success (HTTP ${response && response.statusCode})`);
        return;
    } catch (error) {
        if (error && error.code === code && error.statusCode === status && error.requestId
            && error.requestId !== 'undefined')
            pass(check);
        else
            fail(check, `expected code=${code} status=${status}; ${describeError(error)}`);
    }
}

function keyIds(response) {
    const list = response.body && response.body.accessKeys && response.body.accessKeys.accessKey;
    return Array.isArray(list) ? list : [];
}

async function flow(signatureAlgorithm) {
    const client = makeClient(requireEnv('KEYDESK_ACCESS_KEY_ID'),
                              requireEnv('KEYDESK_ACCESS_KEY_SECRET'), signatureAlgorithm);
    const userName = `interop-${scenario}-${crypto.randomBytes(4).toString('hex')}`;
    const hasRequestId = (response) => (response.body && response.body.requestId
                                        ? undefined : 'no RequestId in the body');

    await expectOk('CreateUser', () => client.createUser(new Ram.CreateUserRequest({
        userName, displayName: 'Interop test user', comments: 'created by the Node SDK'
    })), (r) => (r.body.user && r.body.user.userName === userName
                 ? hasRequestId(r) : `unexpected user ${JSON.stringify(r.body.user)}`));

    await expectOk('ListUsers', () => client.listUsers(new Ram.ListUsersRequest({})), (r) => {
        const users = (r.body.users && r.body.users.user) || [];
        return users.some((u) => u.userName === userName) ? undefined : 'the new user is missing';
    });

    const created = [];
    for (const ordinal of ['first', 'second']) {
        await expectOk(`CreateAccessKey ${ordinal}`,
                       () => client.createAccessKey(new Ram.CreateAccessKeyRequest({ userName })),
                       (r) => {
            const key = r.body.accessKey;
            if (!key || !key.accessKeyId || !key.accessKeySecret)
                return 'no AccessKeyId/AccessKeySecret in the answer';
            if (key.status !== 'Active' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(key.createDate))
                return `unexpected Status/CreateDate ${key.status} ${key.createDate}`;
            created.push(key);
            return hasRequestId(r);
        });
    }
    const ids = created.map((k) => k.accessKeyId);

    await expectOk('ListAccessKeys', () => client.listAccessKeys(new Ram.ListAccessKeysRequest({
        userName
    })), (r) => {
        const keys = keyIds(r);
        const listed = keys.map((k) => k.accessKeyId).sort();
        if (JSON.stringify(listed) !== JSON.stringify([...ids].sort()))
            return `listed ${keys.length} keys, expected the ${ids.length} created`;
        if (keys.some((k) => k.accessKeySecret !== undefined))
            return 'a listed key carries its secret';
        return keys.every((k) => k.status === 'Active') ? undefined : 'a new key is not Active';
    });

    await expectError('CreateAccessKey third LimitExceeded.User.AccessKey',
                      () => client.createAccessKey(new Ram.CreateAccessKeyRequest({ userName })),
                      'LimitExceeded.User.AccessKey', 409);

    // A created key signs calls with the same client; the sandbox records its use.
    if (created.length === 2) {
        const userClient = makeClient(created[1].accessKeyId, created[1].accessKeySecret,
                                      signatureAlgorithm);
        await expectOk('new key authenticates (GetUser as the RAM user)',
                       () => userClient.getUser(new Ram.GetUserRequest({ userName })),
                       (r) => (r.body.user && r.body.user.userName === userName
                               ? undefined : 'unexpected user'));
        await expectOk('GetAccessKeyLastUsed', () => client.getAccessKeyLastUsed(
            new Ram.GetAccessKeyLastUsedRequest({ userName, userAccessKeyId: ids[1] })), (r) => {
            const used = r.body.accessKeyLastUsed;
            return used && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(used.lastUsedDate)
                ? undefined : `unexpected ${JSON.stringify(used)}`;
        });
    }

    await expectOk('UpdateAccessKey Inactive', () => client.updateAccessKey(
        new Ram.UpdateAccessKeyRequest({ userName, userAccessKeyId: ids[0], status: 'Inactive' })),
                   hasRequestId);

    await expectOk('ListAccessKeys shows Inactive', () => client.listAccessKeys(
        new Ram.ListAccessKeysRequest({ userName })), (r) => {
        const key = keyIds(r).find((k) => k.accessKeyId === ids[0]);
        return key && key.status === 'Inactive' ? undefined : `status ${key && key.status}`;
    });

    if (created.length === 2) {
        const disabledClient = makeClient(created[0].accessKeyId, created[0].accessKeySecret,
                                          signatureAlgorithm);
        await expectError('disabled key refused InvalidAccessKeyId.Inactive',
                          () => disabledClient.getUser(new Ram.GetUserRequest({ userName })),
                          'InvalidAccessKeyId.Inactive', 400);
    }

    await expectError('DeleteUser with keys DeleteConflict.User.AccessKey',
                      () => client.deleteUser(new Ram.DeleteUserRequest({ userName })),
                      'DeleteConflict.User.AccessKey', 409);

    for (const [index, id] of ids.entries()) {
        await expectOk(`DeleteAccessKey ${index === 0 ? 'first' : 'second'}`,
                       () => client.deleteAccessKey(new Ram.DeleteAccessKeyRequest({
                           userName, userAccessKeyId: id
                       })), hasRequestId);
    }

    await expectOk('ListAccessKeys empty', () => client.listAccessKeys(
        new Ram.ListAccessKeysRequest({ userName })),
                   (r) => (keyIds(r).length === 0 ? undefined : `${keyIds(r).length} keys left`));

    await expectOk('DeleteUser', () => client.deleteUser(new Ram.DeleteUserRequest({ userName })),
                   hasRequestId);

    await expectError('GetUser after delete EntityNotExist.User',
                      () => client.getUser(new Ram.GetUserRequest({ userName })),
                      'EntityNotExist.User', 404);
}

async function wrongSecret() {
    const accessKeyId = requireEnv('KEYDESK_ACCESS_KEY_ID');
    // A well-formed secret that is not the key's: same length, different bytes.
    const secret = requireEnv('KEYDESK_ACCESS_KEY_SECRET');
    const wrong = crypto.randomBytes(secret.length).toString('base64').slice(0, secret.length);
    for (const [label, algorithm] of [['v3', undefined], ['v2', 'v2']]) {
        const client = makeClient(accessKeyId, wrong, algorithm);
        await expectError(`${label} SignatureDoesNotMatch`,
                          () => client.listAccessKeys(new Ram.ListAccessKeysRequest({})),
                          'SignatureDoesNotMatch', 400);
    }
}

async function main() {
    if (scenario === 'v3')
        await flow(undefined); // the SDK's default: ACS3-HMAC-SHA256
    else if (scenario === 'v2')
        await flow('v2'); // the older RPC signature, HMAC-SHA1
    else if (scenario === 'wrong-secret')
        await wrongSecret();
    else {
        console.log(`FAIL ${scenario} usage: node ram-flow.cjs v3|v2|wrong-secret`);
        process.exit(2);
    }
    console.log(`DONE ${scenario} ${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((error) => {
    console.log(`FAIL ${scenario} unexpected: ${describeError(error)}`);
    process.exitCode = 1;
});
