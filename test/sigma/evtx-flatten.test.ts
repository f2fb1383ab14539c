// flattenWindowsEvent: the evtx_dump / Chainsaw JSON shape flattened to SigmaHQ field names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flattenWindowsEvent } from '../../src/logs/evtx-flatten.ts';

describe('flattenWindowsEvent', () => {
  it('flattens System (attributes joined with _) and named EventData', () => {
    const flat = flattenWindowsEvent({
      Event: {
        '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
        System: {
          Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon', Guid: '{5770385F}' } },
          EventID: 1,
          TimeCreated: { '#attributes': { SystemTime: '2025-11-27T07:40:10.165Z' } },
          Execution: { '#attributes': { ProcessID: 3544, ThreadID: 4272 } },
          Channel: 'Microsoft-Windows-Sysmon/Operational',
        },
        EventData: {
          Image: 'C:\\Windows\\System32\\cmd.exe',
          'Source Name': 'Real-Time Protection',
        },
      },
    });
    assert.equal(flat.Provider_Name, 'Microsoft-Windows-Sysmon');
    assert.equal(flat.EventID, 1);
    assert.equal(flat.TimeCreated_SystemTime, '2025-11-27T07:40:10.165Z');
    assert.equal(flat.Execution_ProcessID, 3544);
    assert.equal(flat.Channel, 'Microsoft-Windows-Sysmon/Operational');
    assert.equal(flat.Image, 'C:\\Windows\\System32\\cmd.exe');
    assert.equal(
      flat.SourceName,
      'Real-Time Protection',
      'spaces stripped, as the spec names fields',
    );
    assert.equal(flat['Source Name'], 'Real-Time Protection');
  });
  it('reads EventID with qualifiers, Data arrays by Name, and UserData records', () => {
    const flat = flattenWindowsEvent({
      Event: {
        System: { EventID: { '#attributes': { Qualifiers: 16384 }, '#text': 7045 } },
        EventData: {
          Data: [
            { '#attributes': { Name: 'ServiceName' }, '#text': 'evil' },
            { '#attributes': { Name: 'ImagePath' }, '#text': 'C:\\x.exe' },
          ],
        },
        UserData: { LogFileCleared: { SubjectUserName: 'bob' } },
      },
    });
    assert.equal(flat.EventID, 7045);
    assert.equal(flat.EventID_Qualifiers, 16384);
    assert.equal(flat.ServiceName, 'evil');
    assert.equal(flat.ImagePath, 'C:\\x.exe');
    assert.equal(flat.SubjectUserName, 'bob');
  });
  it('never throws on odd input', () => {
    assert.deepEqual(flattenWindowsEvent(null), {});
    assert.deepEqual(flattenWindowsEvent({ Event: { System: 'x', Extra: 1 } }), { Extra: 1 });
  });
});
