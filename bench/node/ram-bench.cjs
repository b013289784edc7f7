'use strict';
// The official Node SDK's side of KeyDesk's benchmark (bench/README.md, docs/performance.md):
// @alicloud/ram20150501 on @alicloud/openapi-core, used as an application would, with its
// default runtime options (keep-alive HTTP agent, ACS3-HMAC-SHA256).
//
//   node ram-bench.cjs calls COUNT WARMUP IN_FLIGHT USER_NAME
//       COUNT signed ListAccessKeys calls for USER_NAME's keys with IN_FLIGHT at once, after
//       WARMUP untimed ones.
//   node ram-bench.cjs inventory WARMUP IN_FLIGHT PAGE_SIZE
//       the credential report of the account, like the console's AccessKeyInventory:
//       ListUsers (paged), ListAccessKeys per user (and the root account), GetAccessKeyLastUsed
//       per key, IN_FLIGHT calls at once, after WARMUP untimed calls of the same actions.
//
// The sandbox and the credentials come from the environment, never the command line:
// KEYDESK_SANDBOX_URL, KEYDESK_ACCESS_KEY_ID, KEYDESK_ACCESS_KEY_SECRET, and for HTTPS
// KEYDESK_SANDBOX_CA (the sandbox's certificate, PEM).
// The last line on stdout is the result as JSON; progress and errors go to stderr.

const fs = require('fs');
const Ram = require('@alicloud/ram20150501');
const { $OpenApiUtil } = require('@alicloud/openapi-core');

const kStaleDays = 90;

function requireEnv(name) {
    const value = process.env[name];
    if (!value)
        throw new Error(`${name} is not set`);
    return value;
}

function makeClient() {
    const url = new URL(requireEnv('KEYDESK_SANDBOX_URL'));
    // HTTPS: the sandbox's self-signed certificate is trusted as an extra CA, as the console does.
    const caPath = process.env.KEYDESK_SANDBOX_CA;
    return new Ram.default(new $OpenApiUtil.Config({
        ca: caPath ? fs.readFileSync(caPath, 'utf8') : undefined,
        accessKeyId: requireEnv('KEYDESK_ACCESS_KEY_ID'),
        accessKeySecret: requireEnv('KEYDESK_ACCESS_KEY_SECRET'),
        endpoint: url.host,
        protocol: url.protocol.replace(':', ''),
        connectTimeout: 5000,
        readTimeout: 15000,
    }));
}

function seconds(since) {
    return Number(process.hrtime.bigint() - since) / 1e9;
}

function cpuSeconds(since) {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1e6;
}

function accessKeysOf(response) {
    const keys = response.body && response.body.accessKeys && response.body.accessKeys.accessKey;
    if (!Array.isArray(keys))
        throw new Error('ListAccessKeys answered without AccessKeys.AccessKey');
    return keys;
}

// Runs `count` calls of `call(i)` with at most `inFlight` at once.
async function runCalls(count, inFlight, call) {
    let issued = 0;
    const worker = async () => {
        while (issued < count)
            await call(issued++);
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
}

async function calls(count, warmup, inFlight, userName) {
    const client = makeClient();
    let expected;
    const listKeys = async () => {
        const keys = accessKeysOf(await client.listAccessKeys(
            new Ram.ListAccessKeysRequest({ userName: userName || undefined })));
        expected = expected === undefined ? keys.length : expected;
        if (keys.length !== expected)
            throw new Error(`ListAccessKeys answered ${keys.length} keys, then ${expected}`);
    };
    await runCalls(warmup, inFlight, listKeys);
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    await runCalls(count, inFlight, listKeys);
    const elapsed = seconds(start);
    return { calls: count, seconds: elapsed, callsPerSecond: count / elapsed, keys: expected,
             cpuSeconds: cpuSeconds(cpu) };
}

// A queue of calls with at most `limit` in flight; urgent calls go first (last in, first out),
// like the console's RamCallQueue.
class CallQueue {
    constructor(limit) {
        this.limit = limit;
        this.urgent = [];
        this.normal = [];
        this.head = 0;
        this.running = 0;
        this.calls = 0;
        this.done = new Promise((resolve, reject) => {
            this.resolve = resolve;
            this.reject = reject;
        });
        this.failed = false;
    }

    push(task, urgent) {
        (urgent ? this.urgent : this.normal).push(task);
        this.pump();
    }

    next() {
        if (this.urgent.length > 0)
            return this.urgent.pop();
        if (this.head < this.normal.length) {
            const task = this.normal[this.head];
            this.normal[this.head++] = undefined;
            return task;
        }
        return undefined;
    }

    pump() {
        while (!this.failed && this.running < this.limit) {
            const task = this.next();
            if (!task)
                break;
            this.running += 1;
            this.calls += 1;
            task().then(() => {
                this.running -= 1;
                this.pump();
            }, (error) => {
                this.failed = true;
                this.reject(error);
            });
        }
        if (!this.failed && this.running === 0 && !this.urgent.length
            && this.head >= this.normal.length)
            this.resolve();
    }
}

function flagsFor(row, now) {
    const limit = kStaleDays * 24 * 3600 * 1000;
    const old = now - Date.parse(row.created) > limit;
    const flags = [];
    if (old)
        flags.push('old');
    if (row.lastUsed ? now - Date.parse(row.lastUsed) > limit : old)
        flags.push('unused');
    if (row.status !== 'Active')
        flags.push('inactive');
    return flags;
}

async function inventory(client, inFlight, pageSize) {
    const now = Date.now();
    const queue = new CallQueue(inFlight);
    const rows = [];
    let users = 0;

    const lastUsed = (row, userName) => async () => {
        const response = await client.getAccessKeyLastUsed(new Ram.GetAccessKeyLastUsedRequest({
            userName: userName || undefined, userAccessKeyId: row.accessKeyId,
        }));
        const used = response.body && response.body.accessKeyLastUsed;
        if (!used)
            throw new Error('GetAccessKeyLastUsed answered without AccessKeyLastUsed');
        row.lastUsed = used.lastUsedDate || null;
        row.flags = flagsFor(row, now);
    };
    const listKeys = (order, userName) => async () => {
        const keys = accessKeysOf(await client.listAccessKeys(
            new Ram.ListAccessKeysRequest({ userName: userName || undefined })));
        for (const key of keys) {
            const row = { order, user: userName, accessKeyId: key.accessKeyId,
                          status: key.status, created: key.createDate };
            rows.push(row);
            queue.push(lastUsed(row, userName), true);
        }
    };
    const listUsers = (marker) => async () => {
        const response = await client.listUsers(new Ram.ListUsersRequest({
            maxItems: pageSize, marker: marker || undefined,
        }));
        const page = (response.body.users && response.body.users.user) || [];
        for (const user of page)
            queue.push(listKeys(++users, user.userName), false);
        if (response.body.isTruncated)
            queue.push(listUsers(response.body.marker), true);
    };

    queue.push(listKeys(0, ''), false);
    queue.push(listUsers(''), true);
    await queue.done;
    rows.sort((a, b) => a.order - b.order);
    return { rows, users, calls: queue.calls };
}

async function inventoryRun(warmup, inFlight, pageSize) {
    const client = makeClient();
    // Warm-up: the same three actions, untimed.
    const first = await client.listUsers(new Ram.ListUsersRequest({ maxItems: 10 }));
    const userName = first.body.users.user[0].userName;
    const keyId = accessKeysOf(await client.listAccessKeys(
        new Ram.ListAccessKeysRequest({ userName })))[0].accessKeyId;
    await runCalls(warmup, inFlight, (i) => (i % 2
        ? client.getAccessKeyLastUsed(new Ram.GetAccessKeyLastUsedRequest({
            userName, userAccessKeyId: keyId }))
        : client.listAccessKeys(new Ram.ListAccessKeysRequest({ userName }))));

    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const report = await inventory(client, inFlight, pageSize);
    const elapsed = seconds(start);
    const flagged = report.rows.filter((row) => row.flags.length > 0).length;
    return { seconds: elapsed, rows: report.rows.length, users: report.users,
             calls: report.calls, flagged, cpuSeconds: cpuSeconds(cpu) };
}

async function main() {
    const [mode, ...args] = process.argv.slice(2);
    const numbers = args.map(Number);
    let result;
    if (mode === 'calls' && args.length === 4)
        result = await calls(numbers[0], numbers[1], numbers[2], args[3]);
    else if (mode === 'inventory' && args.length === 3)
        result = await inventoryRun(numbers[0], numbers[1], numbers[2]);
    else
        throw new Error('usage: ram-bench.cjs calls COUNT WARMUP IN_FLIGHT USER_NAME'
                        + ' | inventory WARMUP IN_FLIGHT PAGE_SIZE');
    console.log(JSON.stringify(result));
}

main().catch((error) => {
    const detail = error && error.code ? `${error.code}: ${error.message}` : String(error);
    console.error(`ram-bench.cjs: ${detail.replace(/\s+/g, ' ')}`);
    process.exitCode = 1;
});
