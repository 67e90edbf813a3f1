/**
 * The review view: an editor reads a new article into a changeset (`proposeFromText`) and decides
 * what of it enters the graph. Each proposed record is shown with the words it comes from (the
 * sentence, the words marked, the reader's confidence and reason); the editor accepts some or all
 * of it, edits a record, or rejects the rest. Every write needs an editor's token, which the view
 * asks for and the page then sends with each request (api.ts `credentials`).
 */
import type { ChangesetStatus, ExplorerChangesetFragment, ItemDecision, ItemSection } from '../gql/graphql.js';
import { ApiError, credentials, request } from './api.js';
import { byId, h } from './dom.js';
import { AcceptMutation, ChangesetQuery, ChangesetsQuery, EditItemMutation, ProposeMutation, RejectMutation } from './operations.js';

type Changeset = ExplorerChangesetFragment;
type Item = Changeset['items'][number];

const LIST_FIRST = 50;
const SECTION_TITLES: Record<ItemSection, string> = {
  SOURCE: 'Source',
  ENTITY: 'Entities',
  EVENT: 'Events',
  STATEMENT: 'Statements',
  RELATION: 'Relations',
};
const SECTION_ORDER: readonly ItemSection[] = ['SOURCE', 'ENTITY', 'EVENT', 'STATEMENT', 'RELATION'];
const OPEN: readonly ItemDecision[] = ['PENDING', 'EDITED'];

export interface ReviewView {
  /** Called when the tab is shown: loads the list once there are credentials. */
  shown(): void;
}

/** Wires the review view; `announce` speaks to screen readers, `showError` fills the page's error bar. */
export function createReviewView(options: {
  readonly announce: (text: string) => void;
  readonly showError: (error: unknown, doing: string) => void;
  readonly hideError: () => void;
}): ReviewView {
  const { announce, showError, hideError } = options;
  const tokenForm = byId<HTMLFormElement>('review-token');
  const tokenInput = byId<HTMLInputElement>('review-token-input');
  const tokenForget = byId<HTMLButtonElement>('review-token-forget');
  const tokenState = byId('review-token-state');
  const proposeForm = byId<HTMLFormElement>('review-propose');
  const statusSelect = byId<HTMLSelectElement>('review-status');
  const list = byId<HTMLUListElement>('review-list');
  const panel = byId('review-changeset');
  let openId: string | null = null;

  function showTokenState(): void {
    const has = credentials.token !== null;
    tokenForget.hidden = !has;
    tokenInput.value = '';
    tokenState.textContent = has ? 'A token is in use for this tab.' : 'No token: reading changesets and writing need an editor’s token.';
  }

  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = tokenInput.value.trim();
    if (!token) return;
    credentials.token = token;
    showTokenState();
    announce('Token in use.');
    void loadList();
  });
  tokenForget.addEventListener('click', () => {
    credentials.token = null;
    showTokenState();
    list.replaceChildren();
    announce('Token forgotten.');
  });

  proposeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void propose();
  });
  statusSelect.addEventListener('change', () => void loadList());

  async function propose(): Promise<void> {
    const title = byId<HTMLInputElement>('review-title').value.trim();
    const publisher = byId<HTMLInputElement>('review-publisher').value.trim();
    const published = byId<HTMLInputElement>('review-published').value;
    const text = byId<HTMLTextAreaElement>('review-text').value;
    const button = proposeForm.querySelector('button[type="submit"]') as HTMLButtonElement;
    button.disabled = true;
    announce('Reading the article…');
    try {
      const { proposeFromText } = await request(ProposeMutation, {
        input: { text, source: { title, publisher: publisher || null, published: published || null } },
      });
      hideError();
      proposeForm.reset();
      statusSelect.value = 'PENDING';
      await loadList();
      render(proposeFromText);
      announce(`Proposed ${proposeFromText.items.length} items from “${title}”.`);
    } catch (error) {
      fail(error, 'read the article');
    } finally {
      button.disabled = false;
    }
  }

  async function loadList(): Promise<void> {
    if (credentials.token === null) return;
    const status = (statusSelect.value || null) as ChangesetStatus | null;
    try {
      const { changesets } = await request(ChangesetsQuery, { status, first: LIST_FIRST });
      hideError();
      list.replaceChildren(
        ...(changesets.nodes.length === 0
          ? [h('li', { class: 'hint' }, 'No changeset here.')]
          : changesets.nodes.map((c) => {
              const open = c.items.filter((i) => OPEN.includes(i.decision)).length;
              return h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'link', 'data-id': c.id, 'aria-current': c.id === openId ? 'true' : null, onclick: () => void open_(c.id) },
                  c.source.title,
                ),
                h('span', { class: 'hint' }, ` ${statusWords(c.status)} · ${open} of ${c.items.length} open · ${c.createdBy}, ${day(c.createdAt)}`),
              );
            })),
      );
    } catch (error) {
      fail(error, 'list the changesets');
    }
  }

  async function open_(id: string): Promise<void> {
    try {
      const { changeset } = await request(ChangesetQuery, { id });
      hideError();
      if (!changeset) {
        panel.replaceChildren(h('p', { class: 'hint' }, `There is no changeset ${id}.`));
        return;
      }
      render(changeset);
    } catch (error) {
      fail(error, 'open the changeset');
    }
  }

  function render(changeset: Changeset): void {
    openId = changeset.id;
    for (const button of list.querySelectorAll('button[data-id]')) {
      button.setAttribute('aria-current', (button as HTMLElement).dataset.id === changeset.id ? 'true' : 'false');
    }
    const chosen = new Set<string>();
    const openItems = changeset.items.filter((i) => OPEN.includes(i.decision));
    const acceptChosen = h('button', { type: 'button', disabled: true }, 'Accept the chosen items');
    const acceptAll = h('button', { type: 'button', disabled: openItems.length === 0 }, `Accept all ${openItems.length} open items`);
    const reason = h('input', { id: 'review-reject-reason', placeholder: 'Why (for the other editors)' });
    const reject = h('button', { type: 'button', class: 'quiet', disabled: openItems.length === 0 }, 'Reject the rest');
    const problems = h('div', { class: 'review-problems', role: 'alert', hidden: true });
    const refreshChosen = () => {
      acceptChosen.disabled = chosen.size === 0;
      acceptChosen.textContent = chosen.size === 0 ? 'Accept the chosen items' : `Accept ${chosen.size} chosen item${chosen.size === 1 ? '' : 's'}`;
    };

    const decide = async (doing: string, run: () => Promise<Changeset>) => {
      for (const b of [acceptChosen, acceptAll, reject]) b.disabled = true;
      try {
        const next = await run();
        hideError();
        render(next);
        announce(`${doing}: the changeset is ${statusWords(next.status)}.`);
        void loadList();
      } catch (error) {
        showProblems(problems, error);
        fail(error, doing.toLowerCase());
        refreshChosen();
        acceptAll.disabled = reject.disabled = openItems.length === 0;
      }
    };
    acceptChosen.addEventListener('click', () =>
      void decide('Accepted', async () => (await request(AcceptMutation, { id: changeset.id, itemIds: [...chosen] })).acceptChangeset),
    );
    acceptAll.addEventListener('click', () =>
      void decide('Accepted', async () => (await request(AcceptMutation, { id: changeset.id, itemIds: null })).acceptChangeset),
    );
    reject.addEventListener('click', () =>
      void decide('Rejected', async () => (await request(RejectMutation, { id: changeset.id, reason: reason.value.trim() || null })).rejectChangeset),
    );

    const sections = SECTION_ORDER.flatMap((section) => {
      const items = changeset.items.filter((i) => i.section === section);
      if (items.length === 0) return [];
      return h(
        'section',
        { class: 'review-section', 'aria-label': SECTION_TITLES[section] },
        h('h3', {}, `${SECTION_TITLES[section]} (${items.length})`),
        h('ul', { class: 'review-items' }, ...items.map((item) => itemRow(changeset, item, chosen, refreshChosen, problems))),
      );
    });

    panel.replaceChildren(
      h('h2', { id: 'review-changeset-title', tabindex: '-1' }, changeset.source.title),
      h(
        'p',
        { class: 'hint' },
        [changeset.source.publisher, changeset.source.published].filter(Boolean).join(', '),
        ` · proposed by ${changeset.createdBy} on ${day(changeset.createdAt)} · `,
        h('strong', { class: `changeset-status status-${changeset.status.toLowerCase()}` }, statusWords(changeset.status)),
        changeset.rejectionReason ? ` (${changeset.rejectionReason})` : '',
      ),
      h('div', { class: 'review-actions' }, acceptChosen, acceptAll, reason, reject),
      problems,
      ...sections,
    );
  }

  function itemRow(changeset: Changeset, item: Item, chosen: Set<string>, refresh: () => void, problems: HTMLElement): HTMLLIElement {
    const open = OPEN.includes(item.decision);
    const box = h('input', {
      type: 'checkbox',
      'aria-label': `Choose ${item.summary}`,
      disabled: !open,
      onchange: (event: Event) => {
        if ((event.target as HTMLInputElement).checked) chosen.add(item.id);
        else chosen.delete(item.id);
        refresh();
      },
    });
    const editor = h('textarea', { class: 'review-record', rows: 8, 'aria-label': `Record of ${item.summary}`, hidden: true, spellcheck: 'false' });
    const save = h('button', { type: 'button', hidden: true }, 'Save the edit');
    const edit = h('button', { type: 'button', class: 'quiet', disabled: !open || item.record === null }, 'Edit');
    edit.addEventListener('click', () => {
      editor.hidden = !editor.hidden;
      save.hidden = editor.hidden;
      if (!editor.hidden) {
        editor.value = JSON.stringify(JSON.parse(item.record ?? '{}'), null, 2);
        editor.focus();
      }
    });
    save.addEventListener('click', async () => {
      save.disabled = true;
      try {
        await request(EditItemMutation, { changesetId: changeset.id, itemId: item.id, record: editor.value });
        hideError();
        const { changeset: next } = await request(ChangesetQuery, { id: changeset.id });
        if (next) render(next);
        announce(`Edited ${item.summary}.`);
      } catch (error) {
        showProblems(problems, error);
        fail(error, 'save the edit');
      } finally {
        save.disabled = false;
      }
    });
    return h(
      'li',
      { class: `review-item decision-${item.decision.toLowerCase()}`, 'data-item': item.id },
      h('label', { class: 'review-choice' }, box, ' ', h('span', { class: 'summary' }, item.summary)),
      ' ',
      h('span', { class: 'decision' }, item.decision.toLowerCase()),
      item.existingId ? h('span', { class: 'hint' }, ` · in the graph already as ${item.existingId}`) : null,
      h('ul', { class: 'evidence', 'aria-label': `Evidence for ${item.summary}` }, ...item.evidence.map((e) => evidenceRow(e))),
      h('div', { class: 'review-edit' }, edit, editor, save),
    );
  }

  function fail(error: unknown, doing: string): void {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      credentials.token = null;
      showTokenState();
    }
    showError(error, doing);
  }

  showTokenState();
  return {
    shown() {
      if (list.childElementCount === 0) void loadList();
    },
  };
}

/** The sentence with the item's words marked. */
function evidenceRow(e: Item['evidence'][number]): HTMLLIElement {
  const at = e.sentence.indexOf(e.text);
  const sentence =
    at < 0 || e.text.length === 0
      ? [e.sentence]
      : [e.sentence.slice(0, at), h('mark', {}, e.text), e.sentence.slice(at + e.text.length)];
  return h(
    'li',
    {},
    h('q', {}, ...sentence),
    h('span', { class: 'hint' }, ` · ${Math.round(e.confidence * 100)}% sure${e.reason ? `, ${e.reason}` : ''} · characters ${e.start}–${e.end}`),
  );
}

function showProblems(box: HTMLElement, error: unknown): void {
  const problems = error instanceof ApiError ? error.problems : [];
  box.hidden = problems.length === 0;
  box.replaceChildren(...(problems.length === 0 ? [] : [h('p', {}, 'The server found:'), h('ul', {}, ...problems.map((p) => h('li', {}, p)))]));
}

function statusWords(status: ChangesetStatus): string {
  return status.toLowerCase().replace('_', ' ');
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
