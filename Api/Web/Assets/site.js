// Progressive enhancement only: every form works without this script.
(() => {
  'use strict';

  // The message of the last action is shown beside what it was about; focus moves to it, so it is read and seen.
  function focusFlash() {
    const flash = document.getElementById('flash');
    if (flash && flash.querySelector('.flash')) {
      flash.focus();
      return true;
    }
    return false;
  }

  // Forms marked data-enhance save without leaving the page: the server's answer (the page after its redirect)
  // replaces <main>, and focus moves to its message, or returns to the control that had it.
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-enhance')) {
      return;
    }
    event.preventDefault();
    const focusedId = document.activeElement && document.activeElement.id;
    const button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
    }
    try {
      const response = await fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const main = page.querySelector('main');
      if (!main) {
        throw new Error('no main');
      }
      document.querySelector('main').replaceWith(main);
      const again = focusedId && document.getElementById(focusedId);
      if (!focusFlash() && again) {
        again.focus();
      }
      enhanceEditor();
    } catch {
      form.submit();
    }
  });

  // The formula editor: line numbers follow the text; a diagnostic's link puts the caret at its line and column.
  function enhanceEditor() {
    const source = document.getElementById('source');
    const gutter = document.querySelector('.editor .gutter');
    if (!source || !gutter || source.dataset.enhanced) {
      return;
    }
    source.dataset.enhanced = 'true';
    const marked = new Set([...gutter.querySelectorAll('li.error')].map((li) => li.textContent));
    const renumber = () => {
      const count = source.value.split('\n').length;
      gutter.replaceChildren(...Array.from({ length: count }, (_, i) => {
        const li = document.createElement('li');
        li.textContent = String(i + 1);
        if (marked.has(li.textContent)) {
          li.className = 'error';
          li.dataset.line = li.textContent;
        }
        return li;
      }));
      source.rows = Math.max(6, count + 1);
    };
    source.addEventListener('input', renumber);
    document.querySelectorAll('.diagnostics a[data-line]').forEach((link) => {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        const lines = source.value.split('\n');
        const line = Math.min(Number(link.dataset.line), lines.length) - 1;
        const offset = lines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0) + Number(link.dataset.column) - 1;
        source.focus();
        source.setSelectionRange(offset, offset);
      });
    });
  }

  enhanceEditor();
  // After the page's own scroll to the #fragment the action redirected to, so that nothing takes focus back.
  window.addEventListener('load', focusFlash);
})();
