// Renders the editable notice templates (templates/<locale>/<name>.eta, Eta engine): HTML with
// auto-escaping, text without. A missing locale falls back to English. Each template is compiled
// once per renderer and called directly, so a send of thousands of notices costs only the data
// binding (Eta's by-name render resolves the file path on every call).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta, type TemplateFunction } from 'eta';
import { WardenError } from '../errors.ts';
import type { NoticeLocale } from './category-labels.ts';
import type { NoticeContext } from './notice-context.ts';

export type TemplateName = 'subject' | 'email.html' | 'email.txt' | 'letter' | 'sms';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

interface CompiledTemplate {
  engine: Eta;
  fn: TemplateFunction;
  file: string;
  /** What Eta's own render would pass; `filepath` keeps `include()` resolving next to the file. */
  options: { filepath: string; async: false };
}

export class TemplateRenderer {
  private readonly html: Eta;
  private readonly text: Eta;
  private readonly compiled = new Map<string, CompiledTemplate>();

  constructor(readonly dir: string = DEFAULT_TEMPLATES_DIR) {
    if (!existsSync(dir)) throw new WardenError('bad_usage', `no templates folder at ${dir}`, 'templates');
    this.html = new Eta({ views: dir, autoEscape: true, autoTrim: false, cache: true, defaultExtension: '.eta' });
    this.text = new Eta({ views: dir, autoEscape: false, autoTrim: false, cache: true, defaultExtension: '.eta' });
  }

  /** The file a locale's template comes from (English when the locale has none). */
  templateFile(locale: NoticeLocale, name: TemplateName): string {
    const own = join(this.dir, locale, `${name}.eta`);
    if (existsSync(own)) return own;
    const fallback = join(this.dir, 'en', `${name}.eta`);
    if (existsSync(fallback)) return fallback;
    throw new WardenError('bad_usage', `no template ${locale}/${name}.eta`, this.dir);
  }

  private template(locale: NoticeLocale, name: TemplateName): CompiledTemplate {
    const key = `${locale}/${name}`;
    const known = this.compiled.get(key);
    if (known) return known;
    const file = this.templateFile(locale, name);
    const engine = name === 'email.html' ? this.html : this.text;
    try {
      const made = { engine, fn: engine.compile(readFileSync(file, 'utf8')), file, options: { filepath: file, async: false as const } };
      this.compiled.set(key, made);
      return made;
    } catch (err) {
      throw new WardenError('bad_input', `template ${key}.eta: ${(err as Error).message}`, file);
    }
  }

  render(name: TemplateName, ctx: NoticeContext): string {
    const t = this.template(ctx.locale, name);
    try {
      // Called as Eta's render calls a compiled template, without copying the options per call.
      return t.fn.call(t.engine, ctx, t.options).replace(/\n{3,}/g, '\n\n');
    } catch (err) {
      if (err instanceof WardenError) throw err;
      throw new WardenError('bad_input', `template ${ctx.locale}/${name}.eta: ${(err as Error).message}`, t.file);
    }
  }

  renderEmail(ctx: NoticeContext): RenderedEmail {
    return { subject: this.render('subject', ctx).trim(), html: this.render('email.html', ctx), text: this.render('email.txt', ctx) };
  }
}
