// Conformance: every value modifier of the Sigma v2.1 modifiers appendix, each with a hit and a
// near miss, written from the appendix text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matcher, pipelineOf } from './support/harness.ts';

describe('generic modifiers', () => {
  it('contains puts wildcards around the value', () => {
    const m = matcher(`sel:\n  CommandLine|contains: 'whoami'\ncondition: sel`);
    assert.equal(m({ CommandLine: 'cmd /c WHOAMI /all' }), true);
    assert.equal(m({ CommandLine: 'cmd /c who ami' }), false);
  });
  it('startswith anchors at the beginning', () => {
    const m = matcher(`sel:\n  Image|startswith: 'C:\\Windows\\'\ncondition: sel`);
    assert.equal(m({ Image: 'c:\\windows\\system32\\cmd.exe' }), true);
    assert.equal(m({ Image: 'D:\\C:\\Windows\\x.exe' }), false);
  });
  it('endswith anchors at the end', () => {
    const m = matcher(`sel:\n  Image|endswith: '\\cmd.exe'\ncondition: sel`);
    assert.equal(m({ Image: 'C:\\Windows\\System32\\cmd.exe' }), true);
    assert.equal(m({ Image: 'C:\\Windows\\System32\\cmd.exe.bak' }), false);
    assert.equal(m({ Image: 'C:\\Windows\\System32\\xcmd.exe' }), false);
  });
  it('all links the list of values with AND instead of OR', () => {
    const m = matcher(`sel:\n  CommandLine|contains|all: ['-enc', 'hidden']\ncondition: sel`);
    assert.equal(m({ CommandLine: 'powershell -w hidden -enc AAAA' }), true);
    assert.equal(m({ CommandLine: 'powershell -enc AAAA' }), false);
  });
  it('exists: true needs the field present (even empty or null), false needs it absent', () => {
    const present = matcher(`sel:\n  PasswordLastSet|exists: true\ncondition: sel`);
    assert.equal(present({ PasswordLastSet: '' }), true);
    assert.equal(present({ PasswordLastSet: null }), true);
    assert.equal(present({ Other: 1 }), false);
    const absent = matcher(`sel:\n  PasswordLastSet|exists: false\ncondition: sel`);
    assert.equal(absent({ Other: 1 }), true);
    assert.equal(absent({ PasswordLastSet: 'x' }), false);
  });
  it('matching is case-insensitive by default; cased makes it case-sensitive', () => {
    const def = matcher(`sel:\n  User: Admin\ncondition: sel`);
    assert.equal(def({ User: 'ADMIN' }), true);
    const cased = matcher(`sel:\n  User|cased: Admin\ncondition: sel`);
    assert.equal(cased({ User: 'Admin' }), true);
    assert.equal(cased({ User: 'admin' }), false);
    const casedContains = matcher(`sel:\n  CommandLine|contains|cased: 'Invoke-'\ncondition: sel`);
    assert.equal(casedContains({ CommandLine: 'x Invoke-Mimikatz' }), true);
    assert.equal(casedContains({ CommandLine: 'x invoke-mimikatz' }), false);
  });
  it('neq: the field differs from the value (strings and numbers)', () => {
    const m = matcher(`sel:\n  EventID: 4625\n  LogonType|neq: 3\ncondition: sel`);
    assert.equal(m({ EventID: 4625, LogonType: 10 }), true);
    assert.equal(m({ EventID: 4625, LogonType: 3 }), false);
    const s = matcher(`sel:\n  User|neq: system\ncondition: sel`);
    assert.equal(s({ User: 'bob' }), true);
    assert.equal(s({ User: 'SYSTEM' }), false);
  });
});

describe('string modifiers', () => {
  it('windash matches -, /, en dash, em dash and horizontal bar interchangeably', () => {
    const m = matcher(`sel:\n  CommandLine|windash|contains: ' -exec bypass'\ncondition: sel`);
    for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015']) {
      assert.equal(m({ CommandLine: `powershell ${dash}exec bypass` }), true, dash);
    }
    assert.equal(m({ CommandLine: 'powershell +exec bypass' }), false);
    assert.equal(m({ CommandLine: 'powershell exec bypass' }), false);
  });
  it('re is a regular expression, case-sensitive by default', () => {
    const m = matcher(`sel:\n  CommandLine|re: 'net\\s+user\\s+\\w+ /add'\ncondition: sel`);
    assert.equal(m({ CommandLine: 'cmd /c net  user bob /add' }), true);
    assert.equal(m({ CommandLine: 'cmd /c NET user bob /add' }), false);
  });
  it('re|i matches case-insensitively', () => {
    const m = matcher(`sel:\n  CommandLine|re|i: '^net user'\ncondition: sel`);
    assert.equal(m({ CommandLine: 'NET USER bob' }), true);
    assert.equal(m({ CommandLine: 'xnet user' }), false);
  });
  it('re|m lets ^ and $ match at line boundaries', () => {
    const plain = matcher(`sel:\n  Script|re: '^Invoke-Evil$'\ncondition: sel`);
    const multi = matcher(`sel:\n  Script|re|m: '^Invoke-Evil$'\ncondition: sel`);
    const text = 'line one\nInvoke-Evil\nline three';
    assert.equal(plain({ Script: text }), false);
    assert.equal(multi({ Script: text }), true);
  });
  it('re|s lets . match newlines', () => {
    const plain = matcher(`sel:\n  Script|re: 'begin.*end'\ncondition: sel`);
    const dotall = matcher(`sel:\n  Script|re|s: 'begin.*end'\ncondition: sel`);
    assert.equal(plain({ Script: 'begin\nend' }), false);
    assert.equal(dotall({ Script: 'begin\nend' }), true);
  });
  it('re runs in linear time: a catastrophic-backtracking pattern returns at once', () => {
    const m = matcher(`sel:\n  Value|re: '^(a+)+$'\ncondition: sel`);
    const start = performance.now();
    assert.equal(m({ Value: `${'a'.repeat(5000)}!` }), false);
    assert.ok(performance.now() - start < 2000);
  });
});

describe('encoding modifiers', () => {
  it('base64 matches the base64 form of the value', () => {
    const m = matcher(`sel:\n  Payload|base64: 'http://'\ncondition: sel`);
    assert.equal(m({ Payload: Buffer.from('http://').toString('base64') }), true);
    assert.equal(m({ Payload: Buffer.from('https://').toString('base64') }), false);
  });
  it('base64offset|contains finds the value at any of the three byte offsets', () => {
    const m = matcher(`sel:\n  CommandLine|base64offset|contains: 'IEX'\ncondition: sel`);
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const encoded = Buffer.from(`${prefix}IEX (New-Object Net.WebClient)`).toString('base64');
      assert.equal(m({ CommandLine: `powershell -enc ${encoded}` }), true, prefix);
    }
    assert.equal(m({ CommandLine: Buffer.from('IEY (New-Object)').toString('base64') }), false);
  });
  it('utf16le / wide encode each character as two little-endian bytes', () => {
    const le = matcher(`sel:\n  Blob|utf16le|base64offset|contains: 'cmd'\ncondition: sel`);
    const wide = matcher(`sel:\n  Blob|wide|base64offset|contains: 'cmd'\ncondition: sel`);
    const encoded = Buffer.from('xcmd /c', 'utf16le').toString('base64');
    assert.equal(le({ Blob: encoded }), true);
    assert.equal(wide({ Blob: encoded }), true);
    assert.equal(le({ Blob: Buffer.from('xcmd /c').toString('base64') }), false);
  });
  it('utf16be encodes big-endian; utf16 adds the byte order mark', () => {
    const be = matcher(`sel:\n  Blob|utf16be|base64: 'cmd'\ncondition: sel`);
    const beBytes = Buffer.from([0, 0x63, 0, 0x6d, 0, 0x64]).toString('base64');
    assert.equal(be({ Blob: beBytes }), true);
    assert.equal(be({ Blob: Buffer.from('cmd', 'utf16le').toString('base64') }), false);
    const bom = matcher(`sel:\n  Blob|utf16|base64: 'cmd'\ncondition: sel`);
    const bomBytes = Buffer.from([0xff, 0xfe, 0x63, 0, 0x6d, 0, 0x64, 0]).toString('base64');
    assert.equal(bom({ Blob: bomBytes }), true);
    assert.equal(bom({ Blob: Buffer.from('cmd', 'utf16le').toString('base64') }), false);
  });
  it('utf16le without base64 matches the raw two-byte text', () => {
    const m = matcher(`sel:\n  Raw|utf16le|contains: 'ab'\ncondition: sel`);
    assert.equal(m({ Raw: 'xa\u0000b\u0000y' }), true);
    assert.equal(m({ Raw: 'xaby' }), false);
  });
});

describe('numeric modifiers', () => {
  const cases: Array<[string, number, boolean]> = [
    ['lt', 9, true],
    ['lt', 10, false],
    ['lte', 10, true],
    ['lte', 11, false],
    ['gt', 11, true],
    ['gt', 10, false],
    ['gte', 10, true],
    ['gte', 9, false],
  ];
  for (const [mod, value, expected] of cases) {
    it(`${mod} 10 against ${value} is ${expected}`, () => {
      const m = matcher(`sel:\n  Count|${mod}: 10\ncondition: sel`);
      assert.equal(m({ Count: value }), expected);
      assert.equal(m({ Count: String(value) }), expected, 'numeric strings compare as numbers');
    });
  }
  it('a non-numeric field value never satisfies a comparison', () => {
    const m = matcher(`sel:\n  Count|gt: 1\ncondition: sel`);
    assert.equal(m({ Count: 'many' }), false);
  });
});

describe('time modifiers', () => {
  const time = '2026-11-02T02:13:05+09:00'; // wall clock as written: no timezone conversion
  const parts: Array<[string, number, number]> = [
    ['minute', 13, 14],
    ['hour', 2, 3],
    ['day', 2, 3],
    ['week', 45, 44],
    ['month', 11, 10],
    ['year', 2026, 2025],
  ];
  for (const [part, hit, miss] of parts) {
    it(`${part} extracts ${hit} from ${time}`, () => {
      assert.equal(matcher(`sel:\n  time|${part}: ${hit}\ncondition: sel`)({ time }), true);
      assert.equal(matcher(`sel:\n  time|${part}: ${miss}\ncondition: sel`)({ time }), false);
    });
  }
  it('time parts chain with numeric comparisons (out of hours: hour < 6)', () => {
    const m = matcher(`sel:\n  time|hour|lt: 6\ncondition: sel`);
    assert.equal(m({ time }), true);
    assert.equal(m({ time: '2026-11-02T14:00:00Z' }), false);
  });
});

describe('cidr', () => {
  it('matches IPv4 addresses inside the range and not outside', () => {
    const m = matcher(`sel:\n  DestinationIp|cidr: 10.0.0.0/8\ncondition: sel`);
    assert.equal(m({ DestinationIp: '10.20.30.40' }), true);
    assert.equal(m({ DestinationIp: '11.0.0.1' }), false);
    assert.equal(m({ DestinationIp: 'not-an-ip' }), false);
  });
  it('matches IPv6 addresses, including compressed forms', () => {
    const m = matcher(`sel:\n  SourceIp|cidr: '2001:db8::/32'\ncondition: sel`);
    assert.equal(m({ SourceIp: '2001:db8:85a3::8a2e:370:7334' }), true);
    assert.equal(m({ SourceIp: '2001:db9::1' }), false);
    const lo = matcher(`sel:\n  SourceIp|cidr: '::1/128'\ncondition: sel`);
    assert.equal(lo({ SourceIp: '0:0:0:0:0:0:0:1' }), true);
    assert.equal(lo({ SourceIp: '::2' }), false);
  });
  it('a list of ranges is ORed', () => {
    const m = matcher(`sel:\n  ip|cidr: ['192.168.0.0/16', '172.16.0.0/12']\ncondition: sel`);
    assert.equal(m({ ip: '172.20.1.1' }), true);
    assert.equal(m({ ip: '172.32.0.1' }), false);
  });
});

describe('specific modifiers', () => {
  it('expand replaces placeholders with the pipeline values', () => {
    const pipeline = pipelineOf(
      `name: p\nvars:\n  Admins: ['admin*', root]\ntransformations:\n  - type: value_placeholders\n`,
    );
    const m = matcher(`sel:\n  User|expand: '%Admins%'\ncondition: sel`, pipeline);
    assert.equal(m({ User: 'administrator' }), true);
    assert.equal(m({ User: 'root' }), true);
    assert.equal(m({ User: 'bob' }), false);
  });
  it('without expand a %name% value is literal text', () => {
    const m = matcher(`sel:\n  User: '%Admins%'\ncondition: sel`);
    assert.equal(m({ User: '%admins%' }), true);
    assert.equal(m({ User: 'root' }), false);
  });
  it('expand keeps an escaped \\% as a plain percent sign', () => {
    const pipeline = pipelineOf(`name: p\nvars:\n  name: x\n`);
    const m = matcher(`sel:\n  F|expand: '\\%plain%name%'\ncondition: sel`, pipeline);
    assert.equal(m({ F: '%plainx' }), true);
    assert.equal(m({ F: '%plain%name%' }), false);
  });
  it('fieldref compares a field with another field of the same event', () => {
    const m = matcher(`sel:\n  TargetUser|fieldref: SubjectUser\ncondition: sel`);
    assert.equal(m({ TargetUser: 'Bob', SubjectUser: 'bob' }), true);
    assert.equal(m({ TargetUser: 'bob', SubjectUser: 'alice' }), false);
    assert.equal(m({ TargetUser: 'bob' }), false);
    // different lengths: unequal, except where lower-casing changes a length (İ -> i + U+0307)
    assert.equal(m({ TargetUser: 'bob', SubjectUser: 'bobby' }), false);
    assert.equal(m({ TargetUser: 'İx', SubjectUser: 'i\u0307X' }), true);
    assert.equal(m({ TargetUser: 'İx', SubjectUser: 'iX' }), false);
  });
  it('fieldref combines with neq', () => {
    const m = matcher(`sel:\n  TargetUser|fieldref|neq: SubjectUser\ncondition: sel`);
    assert.equal(m({ TargetUser: 'bob', SubjectUser: 'alice' }), true);
    assert.equal(m({ TargetUser: 'bob', SubjectUser: 'BOB' }), false);
  });
});
