// Renders the editable notice templates (templates/<locale>/<name>.eta, Eta engine): HTML with
// auto-escaping, text without. A missing locale falls back to English. Templates are compiled
// once and cached, so rendering thousands of notices costs only the data binding.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
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

export class TemplateRenderer {
  private readonly html: Eta;
  private readonly text: Eta;

  constructor(readonly dir: string = DEFAULT_TEMPLATES_DIR) {
    if (!existsSync(dir)) throw new WardenError('bad_usage', `no templates folder at ${dir}`, 'templates');
    this.html = new Eta({ views: dir, autoEscape: true, autoTrim: false, cache: true, defaultExtension: '.eta' });
    this.text = new Eta({ views: dir, autoEscape: false, autoTrim: false, cache: true, defaultExtension: '.eta' });
  }

  private readonly paths = new Map<string, string>();

  private path(locale: NoticeLocale, name: TemplateName): string {
    const key = `${locale}/${name}`;
    const known = this.paths.get(key);
    if (known) return known;
    const found = this.resolve(locale, name);
    this.paths.set(key, found);
    return found;
  }

  private resolve(locale: NoticeLocale, name: TemplateName): string {
    const own = join(this.dir, locale, `${name}.eta`);
    if (existsSync(own)) return `./${locale}/${name}.eta`;
    if (existsSync(join(this.dir, 'en', `${name}.eta`))) return `./en/${name}.eta`;
    throw new WardenError('bad_usage', `no template ${locale}/${name}.eta`, this.dir);
  }

  render(name: TemplateName, ctx: NoticeContext): string {
    const engine = name === 'email.html' ? this.html : this.text;
    try {
      return engine.render(this.path(ctx.locale, name), ctx).replace(/\n{3,}/g, '\n\n');
    } catch (err) {
      if (err instanceof WardenError) throw err;
      throw new WardenError('bad_input', `template ${ctx.locale}/${name}.eta: ${(err as Error).message}`, join(this.dir, ctx.locale, `${name}.eta`));
    }
  }

  renderEmail(ctx: NoticeContext): RenderedEmail {
    return { subject: this.render('subject', ctx).trim(), html: this.render('email.html', ctx), text: this.render('email.txt', ctx) };
  }
}
