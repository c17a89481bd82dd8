// The preview's page script: draws what the extension sends, zooms and pans, and reports clicks.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const viewport = /** @type {HTMLElement} */ (document.getElementById('viewport'));
  const canvas = /** @type {HTMLElement} */ (document.getElementById('canvas'));
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  const lockButton = /** @type {HTMLElement} */ (document.getElementById('lock'));
  const saved = vscode.getState() || {};
  let view = saved.view || { x: 0, y: 0, scale: 1 };
  let fitted = !!saved.view;
  let selectedId = saved.selectedId;

  function apply() {
    canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    vscode.setState({ view, selectedId });
  }

  function zoom(factor, cx = viewport.clientWidth / 2, cy = viewport.clientHeight / 2) {
    const scale = Math.min(8, Math.max(0.1, view.scale * factor));
    view = { x: cx - ((cx - view.x) * scale) / view.scale, y: cy - ((cy - view.y) * scale) / view.scale, scale };
    apply();
  }

  function fit() {
    const svg = canvas.querySelector('svg');
    if (!svg) return;
    const width = Number(svg.getAttribute('width')) || 1;
    const height = Number(svg.getAttribute('height')) || 1;
    const scale = Math.min(2, Math.max(0.1, Math.min((viewport.clientWidth - 16) / width, (viewport.clientHeight - 16) / height)));
    view = { x: (viewport.clientWidth - width * scale) / 2, y: 8, scale };
    apply();
  }

  function nodeRange(node) {
    const [sl, sc, el, ec] = (node.getAttribute('data-range') || '0,0,0,0').split(',').map(Number);
    return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
  }

  function reveal(node) {
    select(node.getAttribute('data-id'));
    vscode.postMessage({ type: 'reveal', id: node.getAttribute('data-id'), range: nodeRange(node) });
  }

  function select(id) {
    selectedId = id;
    canvas.querySelectorAll('.node.selected').forEach((n) => n.classList.remove('selected'));
    if (!id) return;
    const node = Array.from(canvas.querySelectorAll('.node')).find((n) => n.getAttribute('data-id') === id);
    if (node) node.classList.add('selected');
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'update') {
      canvas.innerHTML = message.svg;
      status.textContent = message.status || '';
      select(selectedId);
      if (!fitted) {
        fit();
        fitted = true;
      } else apply();
      vscode.postMessage({ type: 'rendered', nodes: canvas.querySelectorAll('.node').length });
    } else if (message.type === 'error') {
      canvas.innerHTML = '';
      const p = document.createElement('p');
      p.className = 'error';
      p.textContent = message.text;
      canvas.appendChild(p);
    } else if (message.type === 'highlight') {
      select(message.id);
    } else if (message.type === 'locked') {
      lockButton.setAttribute('aria-pressed', String(!!message.locked));
    }
  });

  canvas.addEventListener('click', (event) => {
    const node = /** @type {Element} */ (event.target).closest('.node');
    if (node && !moved) reveal(node);
  });
  // Keyboard focus may land on a node outside the view: pan to it (the viewport clips rather than scrolls,
  // so that the browser's own scrolling cannot fight the transform).
  canvas.addEventListener('focusin', (event) => {
    const node = /** @type {Element} */ (event.target).closest('.node');
    if (!node) return;
    const box = node.getBoundingClientRect();
    const frame = viewport.getBoundingClientRect();
    const margin = 16;
    const dx = box.left < frame.left ? frame.left - box.left + margin : box.right > frame.right ? Math.max(frame.right - box.right - margin, frame.left - box.left + margin) : 0;
    const dy = box.top < frame.top ? frame.top - box.top + margin : box.bottom > frame.bottom ? Math.max(frame.bottom - box.bottom - margin, frame.top - box.top + margin) : 0;
    if (dx || dy) {
      view = { ...view, x: view.x + dx, y: view.y + dy };
      apply();
    }
  });
  canvas.addEventListener('keydown', (event) => {
    const node = /** @type {Element} */ (event.target).closest('.node');
    if (node && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      reveal(node);
    }
  });

  let drag = null;
  let moved = false;
  viewport.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, view: { ...view } };
    moved = false;
  });
  window.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) {
      moved = true;
      viewport.classList.add('dragging');
    }
    if (moved) {
      view = { ...drag.view, x: drag.view.x + dx, y: drag.view.y + dy };
      apply();
    }
  });
  window.addEventListener('pointerup', () => {
    drag = null;
    viewport.classList.remove('dragging');
    setTimeout(() => (moved = false), 0);
  });
  viewport.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const rect = viewport.getBoundingClientRect();
      zoom(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - rect.left, event.clientY - rect.top);
    },
    { passive: false },
  );
  document.addEventListener('keydown', (event) => {
    if (/** @type {Element} */ (event.target).closest('.node') && (event.key === 'Enter' || event.key === ' ')) return;
    const step = 40;
    const keys = {
      '+': () => zoom(1.2),
      '=': () => zoom(1.2),
      '-': () => zoom(1 / 1.2),
      '0': fit,
      ArrowLeft: () => ((view.x += step), apply()),
      ArrowRight: () => ((view.x -= step), apply()),
      ArrowUp: () => ((view.y += step), apply()),
      ArrowDown: () => ((view.y -= step), apply()),
    };
    const action = keys[event.key];
    if (action && /** @type {Element} */ (event.target).tagName !== 'BUTTON') {
      event.preventDefault();
      action();
    }
  });
  document.getElementById('zoom-in')?.addEventListener('click', () => zoom(1.2));
  document.getElementById('zoom-out')?.addEventListener('click', () => zoom(1 / 1.2));
  document.getElementById('fit')?.addEventListener('click', fit);
  document.getElementById('export')?.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  lockButton.addEventListener('click', () => vscode.postMessage({ type: 'toggleLock' }));
  apply();
  vscode.postMessage({ type: 'ready' });
})();
