// Flattens a Windows event in the JSON shape evtx_dump / Chainsaw emit ({"Event": {"System",
// "EventData" | "UserData"}}) into the flat field names SigmaHQ's Windows rules use: EventData
// `Data` by name, System children by name with XML attributes joined by `_` (Provider_Name,
// Execution_ProcessID, TimeCreated_SystemTime), UserData's inner record; names with spaces
// also appear space-stripped, as the spec's field-naming rule says. Pure: data in, data out.

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `{"#text": x, "#attributes": {...}}` -> x; other values unchanged. */
function textOf(v: unknown): unknown {
  if (isObject(v) && '#text' in v) return v['#text'];
  return v;
}

export function flattenWindowsEvent(obj: unknown): Record<string, unknown> {
  const root = isObject(obj) ? obj : {};
  const ev = isObject(root.Event) ? root.Event : root;
  const out: Json = {};
  if (isObject(ev.System)) flattenSystem(ev.System, out);
  if (isObject(ev.EventData)) flattenData(ev.EventData, out);
  if (isObject(ev.UserData)) {
    for (const inner of Object.values(ev.UserData)) {
      if (isObject(inner)) flattenData(inner, out);
    }
  }
  for (const [k, v] of Object.entries(ev)) {
    if (
      k !== 'System' &&
      k !== 'EventData' &&
      k !== 'UserData' &&
      k !== '#attributes' &&
      !(k in out)
    )
      out[k] = v;
  }
  // Built key by computed key, an object of more than ~16 fields (most Windows events) falls into
  // V8's dictionary mode, where every `for...in` (the rule index walks each event's keys)
  // collects and sorts the keys again (seen in perf). The spread copy has a fast layout.
  return { ...out };
}

function flattenSystem(sys: Json, out: Json): void {
  for (const [name, v] of Object.entries(sys)) {
    if (isObject(v)) {
      const attrs = isObject(v['#attributes']) ? v['#attributes'] : {};
      for (const [a, av] of Object.entries(attrs)) out[`${name}_${a}`] = av;
      if ('#text' in v) out[name] = v['#text'];
      else if (name === 'EventID' && Object.keys(attrs).length === 0) out[name] = v;
    } else out[name] = v;
  }
}

function flattenData(data: Json, out: Json): void {
  for (const [name, v] of Object.entries(data)) {
    if (name === '#attributes') continue;
    if (name === 'Data' && (Array.isArray(v) || isObject(v))) {
      const items = Array.isArray(v) ? v : [v];
      const unnamed: unknown[] = [];
      for (const item of items) {
        const n =
          isObject(item) && isObject(item['#attributes']) ? item['#attributes'].Name : undefined;
        if (typeof n === 'string') out[n] = textOf(item);
        else unnamed.push(textOf(item));
      }
      if (unnamed.length) out.Data = unnamed.length === 1 ? unnamed[0] : unnamed;
      continue;
    }
    out[name] = textOf(v);
    // Sigma field names are the log's names with spaces stripped ("Source Name" -> SourceName).
    if (name.includes(' ')) out[name.replace(/ /g, '')] = out[name];
  }
}
