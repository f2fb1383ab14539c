// A scenario event at a time, serialised only as it is written, once per output: the body of
// its normalized JSON line and its cells in the vendor's audit CSV. A day's events are held
// until sorted by time; holding small objects instead of finished strings keeps the ~2M events
// out of the old generation, and a format that is not written costs nothing. Pure.
import {
  type ScenarioEvent,
  vendorActionCells,
  vendorActorCells,
  vendorCells,
  vendorFields,
} from './vendor-audit.ts';

export interface TimedEvent {
  readonly ms: number;
  /** The JSON object text without braces, id and time. */
  body(): string;
  /** The vendor-audit CSV cells after EventId and Timestamp. */
  vendor(): string;
}

/** The event's line in access.jsonl. */
export function jsonLine(id: string, time: string, e: TimedEvent): string {
  return `{"id":"${id}","time":"${time}",${e.body()}}\n`;
}

/** The event's line in vendor-audit.csv: the same id and time, so both read to the same event. */
export function vendorLine(id: string, time: string, e: TimedEvent): string {
  return `${id},${time},${e.vendor()}\n`;
}

class ObjectEvent implements TimedEvent {
  constructor(
    readonly ms: number,
    private readonly event: ScenarioEvent & { source: string },
  ) {}
  body(): string {
    return JSON.stringify({ outcome: 'success', ...this.event }).slice(1, -1);
  }
  vendor(): string {
    return vendorCells(this.event);
  }
}

/** Any event, serialised from its object (the generators never change one once made). */
export function timed(ms: number, event: ScenarioEvent & { source: string }): TimedEvent {
  return new ObjectEvent(ms, event);
}

/** What one staff member's events of a day share, serialised once for the day. */
export interface StaffHead {
  json: string;
  vendor: string;
}

export function staffHead(
  e: Pick<ScenarioEvent, 'actor' | 'src_ip' | 'user_agent'> & { source: string },
): StaffHead {
  return {
    json: JSON.stringify({ outcome: 'success', ...e }).slice(1, -1),
    vendor: vendorActorCells(e),
  };
}

/** A constant list of data fields, serialised once for each output. */
export interface FieldSet {
  json: string;
  vendor: string;
}

export function fieldSet(fields: string[]): FieldSet {
  return { json: JSON.stringify(fields), vendor: vendorFields(fields) };
}

/**
 * A dealer staff member's successful read or update of customer records: ~95% of the events,
 * so serialised by hand (its values need no escaping), keys in the same order as ObjectEvent's.
 */
export class StaffEvent implements TimedEvent {
  constructor(
    readonly ms: number,
    private readonly head: StaffHead,
    private readonly action: string,
    private readonly query: string | undefined,
    private readonly ids: string[],
    private readonly fields: FieldSet,
  ) {}
  body(): string {
    const q = this.query === undefined ? '' : `"query":"${this.query}",`;
    return `${this.head.json},"action":"${this.action}","object":"customer",${q}"record_ids":${JSON.stringify(this.ids)},"result_count":${this.ids.length},"fields":${this.fields.json}`;
  }
  vendor(): string {
    return `${this.head.vendor},${vendorActionCells(this.action, 'customer', this.query, this.ids.length, this.ids, this.fields.vendor)}`;
  }
}
