// The lab's syslog server: the RFC 5424 parser (the RFC's own examples, and what it must refuse),
// RFC 6587 framing on TCP, and the real sockets on loopback.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import fc from 'fast-check';
import { SyslogParseError, SyslogReceiver, TcpFramer, parseRfc5424, validTimestamp } from './syslog-receiver.ts';

function refused(text: string | Buffer, pattern: RegExp): void {
  assert.throws(() => parseRfc5424(text), (e: unknown) => e instanceof SyslogParseError && pattern.test(e.message), `accepted: ${String(text)}`);
}

describe('RFC 5424 parser', () => {
  test('example 1 of RFC 5424 (no structured data, MSG with a BOM)', () => {
    const bytes = Buffer.concat([Buffer.from('<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - '), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("'su root' failed for lonvick on /dev/pts/8")]);
    const m = parseRfc5424(bytes);
    assert.deepEqual(
      { ...m },
      { pri: 34, facility: 4, severity: 2, version: 1, timestamp: '2003-10-11T22:14:15.003Z', hostname: 'mymachine.example.com', appName: 'su', procId: null, msgId: 'ID47', structuredData: [], msg: "'su root' failed for lonvick on /dev/pts/8", bom: true },
    );
  });

  test('example 2 (offset, IP address as HOSTNAME, no BOM)', () => {
    const m = parseRfc5424('<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It\'s time to make the do-nuts.');
    assert.equal(m.facility, 20);
    assert.equal(m.severity, 5);
    assert.equal(m.hostname, '192.0.2.1');
    assert.equal(m.procId, '8710');
    assert.equal(m.msgId, null);
    assert.equal(m.msg, "%% It's time to make the do-nuts.");
    assert.equal(m.bom, false);
  });

  test('examples 3 and 4 (structured data, with and without MSG)', () => {
    const three = parseRfc5424('<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] An application event log entry...');
    assert.deepEqual(three.structuredData, [{ id: 'exampleSDID@32473', params: [{ name: 'iut', value: '3' }, { name: 'eventSource', value: 'Application' }, { name: 'eventID', value: '1011' }] }]);
    assert.equal(three.msg, 'An application event log entry...');
    const four = parseRfc5424('<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"]');
    assert.deepEqual(four.structuredData.map((e) => e.id), ['exampleSDID@32473', 'examplePriority@32473']);
    assert.equal(four.msg, null);
  });

  test('escapes in PARAM-VALUE: \\" \\\\ \\] are taken, any other backslash stays', () => {
    const m = parseRfc5424('<30>1 - - - - - [x@1 a="q\\"b\\\\c\\]d\\ne"]');
    assert.equal(m.structuredData[0]?.params[0]?.value, 'q"b\\c]d\\ne');
    assert.equal(m.timestamp, null);
    assert.equal(m.hostname, null);
  });

  test('what is not RFC 5424 is refused, naming the field', () => {
    refused("<34>Oct 11 22:14:15 mymachine su: 'su root' failed", /VERSION/); // RFC 3164
    refused('34>1 - - - - - -', /"<" opening PRI/);
    refused('<192>1 - - - - - -', /above 191/);
    refused('<1234>1 - - - - - -', /PRIVAL is 1 to 3 digits/);
    refused('<30>0 - - - - - -', /VERSION/);
    refused('<30>1 2003-10-11 22:14:15Z host app - - -', /TIMESTAMP|SP after/);
    refused('<30>1 2003-02-29T00:00:00Z host app - - -', /TIMESTAMP/);
    refused('<30>1 2003-10-11t22:14:15z host app - - -', /TIMESTAMP/);
    refused('<30>1 2003-10-11T22:14:60Z host app - - -', /TIMESTAMP/);
    refused('<30>1 2003-10-11T22:14:15.1234567Z host app - - -', /TIMESTAMP/);
    refused(`<30>1 - ${'h'.repeat(256)} app - - -`, /HOSTNAME is longer than 255/);
    refused(`<30>1 - host ${'a'.repeat(49)} - - -`, /APP-NAME is longer than 48/);
    refused(`<30>1 - host app - ${'m'.repeat(33)} -`, /MSGID is longer than 32/);
    refused('<30>1 - host  app - - -', /APP-NAME is empty/);
    refused('<30>1 -  host app - - -', /HOSTNAME is empty/);
    refused('<30>1 - host app - -', /SP after MSGID/);
    refused('<30>1 - host app - - x', /STRUCTURED-DATA/);
    refused('<30>1 - host app - - [id a="1"', /"\]" closing SD-ELEMENT/);
    refused('<30>1 - host app - - [id a="x]y"]', /unescaped "\]"/);
    refused('<30>1 - host app - - [id a=1]', /opening PARAM-VALUE/);
    refused('<30>1 - host app - - [id a="1"][id b="2"]', /appears twice/);
    refused('<30>1 - host app - - -message', /SP before MSG/);
    refused(Buffer.concat([Buffer.from('<30>1 - host app - - - '), Buffer.from([0xef, 0xbb, 0xbf, 0xff])]), /BOM but is not valid UTF-8/);
  });

  test('timestamps: calendar days, offsets', () => {
    assert.ok(validTimestamp('2004-02-29T23:59:59.999999+14:00'));
    assert.ok(!validTimestamp('2100-02-29T00:00:00Z'));
    assert.ok(!validTimestamp('2004-13-01T00:00:00Z'));
    assert.ok(!validTimestamp('2004-01-01T24:00:00Z'));
    assert.ok(!validTimestamp('2004-01-01T00:00:00+24:00'));
    assert.ok(!validTimestamp('2004-01-01T00:00:00'));
  });

  test('any header of valid fields round-trips', () => {
    const field = (max: number) => fc.string({ unit: fc.integer({ min: 33, max: 126 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: max }).filter((s) => s !== '-');
    fc.assert(fc.property(fc.integer({ min: 0, max: 191 }), field(255), field(48), field(128), field(32), fc.string(), (pri, host, app, proc, msgid, msg) => {
      const m = parseRfc5424(`<${pri}>1 2026-01-01T00:00:00.000Z ${host} ${app} ${proc} ${msgid} - ${msg}`);
      assert.deepEqual([m.pri, m.hostname, m.appName, m.procId, m.msgId, m.msg], [pri, host, app, proc, msgid, msg]);
    }));
  });
});

describe('RFC 6587 framing', () => {
  test('octet-counted frames split anywhere, and LF-terminated frames', () => {
    const a = '<30>1 - h a - - - first';
    const b = '<30>1 - h a - - - second, ü';
    const stream = Buffer.from(`${Buffer.byteLength(a)} ${a}${Buffer.byteLength(b)} ${b}<30>1 - h a - - - third\n`);
    for (let cut = 1; cut < stream.length; cut++) {
      const framer = new TcpFramer();
      const frames = [...framer.push(stream.subarray(0, cut)), ...framer.push(stream.subarray(cut))];
      assert.deepEqual(frames.map((f) => ('error' in f ? f.error : `${f.framing}: ${f.bytes.toString('utf8')}`)), [`octet-counting: ${a}`, `octet-counting: ${b}`, 'non-transparent: <30>1 - h a - - - third']);
      assert.equal(framer.end(), null);
    }
  });

  test('a frame that is neither, a bad MSG-LEN, and a stream cut inside a frame are errors', () => {
    assert.match(JSON.stringify(new TcpFramer().push(Buffer.from('hello\n'))), /neither a digit/);
    assert.match(JSON.stringify(new TcpFramer().push(Buffer.from('012 <30>1 - - - - - -'))), /leading zeros/);
    const framer = new TcpFramer();
    assert.deepEqual(framer.push(Buffer.from('40 <30>1')), []);
    assert.match(framer.end()?.error ?? '', /inside a frame/);
  });
});

describe('the receiver on loopback', { timeout: 5000 }, () => {
  test('takes UDP datagrams and TCP frames, parses them, and waits for them by event', async () => {
    const receiver = await SyslogReceiver.start();
    try {
      assert.notEqual(receiver.udpPort, 0);
      assert.notEqual(receiver.tcpPort, 0);
      const waiting = receiver.waitFor((r) => r.length >= 3, 5000);
      const udp = createSocket('udp4');
      udp.send(Buffer.from('<30>1 2026-01-01T00:00:00Z unit-a app - SCAN - over udp'), receiver.udpPort, '127.0.0.1', () => udp.close());
      const tcp = connect(receiver.tcpPort, '127.0.0.1');
      const good = '<30>1 2026-01-01T00:00:00Z unit-b app - SCAN - over tcp';
      tcp.write(`${Buffer.byteLength(good)} ${good}`);
      tcp.end('<30>1 BSD style\n');
      assert.equal(await waiting, true);
      const byTransport = receiver.received.map((r) => [r.transport, r.framing, r.message?.hostname ?? null, r.error === null]);
      assert.deepEqual(byTransport.sort(), [
        ['tcp', 'non-transparent', null, false],
        ['tcp', 'octet-counting', 'unit-b', true],
        ['udp', 'datagram', 'unit-a', true],
      ]);
    } finally {
      await receiver.stop();
    }
  });

  test('waitFor gives up after its timeout when nothing comes', async () => {
    const receiver = await SyslogReceiver.start();
    try {
      const started = performance.now();
      assert.equal(await receiver.waitFor((r) => r.length > 0, 150), false);
      assert.ok(performance.now() - started >= 140);
    } finally {
      await receiver.stop();
    }
  });

  test('stop closes open connections and both sockets', async () => {
    const receiver = await SyslogReceiver.start();
    const tcp = connect(receiver.tcpPort, '127.0.0.1');
    await new Promise((resolve) => tcp.once('connect', resolve));
    const closed = new Promise((resolve) => tcp.once('close', resolve));
    tcp.on('error', () => undefined);
    await receiver.stop();
    await closed;
    await assert.rejects(new Promise((resolve, reject) => {
      const again = connect(receiver.tcpPort, '127.0.0.1');
      again.once('connect', () => { again.destroy(); resolve(null); });
      again.once('error', reject);
    }));
  });
});
