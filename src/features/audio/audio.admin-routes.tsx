import { pathParam, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Assets } from '../../http/assets.js';
import { AppError } from '../../platform/errors.js';
import { audioClock, findEditableArticle } from '../articles/index.js';
import { adminTranslator, renderAdmin } from '../staff/index.js';
import { audioUrl } from './audio-lookup.js';
import * as repo from './audio.repo.js';
import { audioQueued, requestAudio, type AudioDeps } from './audio.service.js';
import { NARRATION_MAX_BYTES, saveNarration, setAudioOff } from './narration.js';

const ERRORS = { noFile: 'admin.audio.noFile', notAudio: 'admin.audio.notAudio', tooLarge: 'admin.audio.tooLarge' } as const;

/**
 * /admin/articles/:id/audio: the article's audio state (being made, ready, failed and why, off), a
 * preview player, and what an editor may do: make it again, switch it off or on, upload a recorded
 * narration. Anyone who may edit the article may look; editors act.
 */
export function audioAdminRoutes(deps: AudioDeps & { assets: Assets }): RouteDef[] {
  const back = (id: string, query: string) => `/admin/articles/${id}/audio?${query}`;
  const editable = (c: AppContext, id: string) => findEditableArticle(deps.db, c.get('staff')!, id);

  return [
    staffRoute('GET', '/admin/articles/:id/audio', 'contributor', async (c) => {
      const id = pathParam(c, 'id');
      const article = await editable(c, id);
      const t = adminTranslator(c);
      const row = await repo.findAudioRow(deps.db, id);
      const staff = c.get('staff')!;
      const canAct = ['editor', 'admin', 'owner'].includes(staff.role);
      const errorKey = ERRORS[c.req.query('error') as keyof typeof ERRORS];
      // A queued job counts as being made: the row appears only once the job starts.
      const state = row?.state ?? ((await audioQueued(deps.db, id)) ? 'pending' : 'none');
      return renderAdmin(c, deps.assets, {
        title: { text: `${t.t('admin.audio.title')}: ${article.headline}` },
        notice: c.req.query('saved') ? t.t('admin.audio.saved') : undefined,
        error: errorKey ? t.t(errorKey) : undefined,
        body: (
          <>
            <p>
              <a href={`/admin/articles/${id}/edit`}>{t.t('admin.article.edit')}</a>
            </p>
            {!deps.speech ? <p class="notice">{t.t('admin.audio.siteOff')}</p> : null}
            <dl class="audio-state">
              <dt>{t.t('admin.article.status')}</dt>
              <dd data-state={state}>{t.t(`admin.audio.state.${state}`)}</dd>
              {row?.source === 'narration' || row?.provider ? (
                <>
                  <dt>{t.t('admin.audio.source')}</dt>
                  <dd>{row.source === 'narration' ? t.t('admin.audio.source.narration') : t.t('admin.audio.source.synthetic', { provider: row.provider ?? '' })}</dd>
                </>
              ) : null}
              {row?.duration_ms ? (
                <>
                  <dt>{t.t('admin.audio.duration')}</dt>
                  <dd dir="ltr">{audioClock(row.duration_ms)}</dd>
                </>
              ) : null}
              {row?.state === 'failed' && row.error ? (
                <>
                  <dt>{t.t('admin.audio.error')}</dt>
                  <dd dir="auto">{row.error}</dd>
                </>
              ) : null}
            </dl>
            {row?.file_name && row.state !== 'off' ? <audio controls preload="none" src={audioUrl(row.file_name)} /> : null}
            {canAct ? (
              <div class="stack">
                <form method="post" action={`/admin/articles/${id}/audio/regenerate`}>
                  <input type="hidden" name="_csrf" value={staff.csrfToken} />
                  <button type="submit" disabled={!deps.speech || state === 'off'}>
                    {row?.source === 'narration' ? t.t('admin.audio.useSynthetic') : t.t('admin.audio.regenerate')}
                  </button>
                </form>
                <form method="post" action={`/admin/articles/${id}/audio/${state === 'off' ? 'on' : 'off'}`}>
                  <input type="hidden" name="_csrf" value={staff.csrfToken} />
                  <button type="submit" class="secondary">
                    {state === 'off' ? t.t('admin.audio.switchOn') : t.t('admin.audio.switchOff')}
                  </button>
                </form>
                <form method="post" action={`/admin/articles/${id}/audio/narration`} enctype="multipart/form-data" class="stack">
                  <input type="hidden" name="_csrf" value={staff.csrfToken} />
                  <label for="narration">{t.t('admin.audio.upload')}</label>
                  <input id="narration" type="file" name="file" accept="audio/mpeg,audio/mp4,audio/x-m4a,audio/ogg,audio/wav,.mp3,.m4a,.ogg,.wav" aria-describedby="narration-hint" />
                  <p id="narration-hint" class="hint">
                    {t.t('admin.audio.uploadHint')}
                  </p>
                  <button type="submit">{t.t('admin.audio.uploadSubmit')}</button>
                </form>
              </div>
            ) : null}
          </>
        ),
      });
    }),

    staffRoute('POST', '/admin/articles/:id/audio/regenerate', 'editor', async (c) => {
      const id = pathParam(c, 'id');
      await editable(c, id);
      const row = await repo.findAudioRow(deps.db, id);
      // Forget the text hash (or the narration) so the job makes it anew.
      if (row?.source === 'narration') await setAudioOff(deps, id, false);
      else if (row) await repo.saveAudioRow(deps.db, { ...row, text_hash: null });
      await requestAudio(deps.db, deps.clock, id);
      return c.redirect(back(id, 'saved=1'), 303);
    }),

    staffRoute('POST', '/admin/articles/:id/audio/off', 'editor', async (c) => {
      const id = pathParam(c, 'id');
      await editable(c, id);
      await setAudioOff(deps, id, true);
      return c.redirect(back(id, 'saved=1'), 303);
    }),

    staffRoute('POST', '/admin/articles/:id/audio/on', 'editor', async (c) => {
      const id = pathParam(c, 'id');
      await editable(c, id);
      await setAudioOff(deps, id, false);
      await requestAudio(deps.db, deps.clock, id);
      return c.redirect(back(id, 'saved=1'), 303);
    }),

    staffRoute('POST', '/admin/articles/:id/audio/narration', 'editor', async (c) => {
      const id = pathParam(c, 'id');
      await editable(c, id);
      const form = await c.req.parseBody();
      const file = form['file'];
      const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
      try {
        await saveNarration(deps, id, bytes);
      } catch (err) {
        if (err instanceof AppError && err.messageKey.startsWith('admin.audio.')) {
          const code = (Object.keys(ERRORS) as (keyof typeof ERRORS)[]).find((k) => ERRORS[k] === err.messageKey) ?? 'notAudio';
          return c.redirect(back(id, `error=${code}`), 303);
        }
        throw err;
      }
      return c.redirect(back(id, 'saved=1'), 303);
    }),
  ];
}

export const AUDIO_UPLOAD_LIMIT = NARRATION_MAX_BYTES;
