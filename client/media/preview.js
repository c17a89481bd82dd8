// The preview's page script: has the diagram model the extension sends drawn by a Web Worker (ELK's layout and the
// SVG), shows the drawing, zooms and pans, and reports clicks.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const workerUri = /** @type {HTMLScriptElement} */ (document.currentScript).dataset.worker || '';
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

  // A webview may start a worker only from a blob (or data) URL: the script is fetched from the extension and passed on.
  const worker = fetch(workerUri)
    .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(`${response.status} ${response.statusText}`))))
    .then((blob) => new Worker(URL.createObjectURL(blob)));
  /** @type {Map<number, (reply: any) => void>} */
  const replies = new Map();
  let nextId = 0;
  worker.then((w) => {
    w.onmessage = (event) => {
      const reply = replies.get(event.data.id);
      replies.delete(event.data.id);
      if (reply) reply(event.data);
    };
    w.onerror = (event) => showError(`The diagram could not be drawn: ${event.message}`);
  }, () => undefined); // a worker that did not start is reported by each drawing asked of it
  /** Asks the worker for a drawing (see DrawRequest in diagramWorker.ts); its reply: `{ svg | patch, ms }` or `{ error }`. */
  function drawInWorker(request) {
    const id = nextId++;
    return worker.then(
      (w) => new Promise((resolve) => {
        replies.set(id, resolve);
        w.postMessage({ ...request, id });
      }),
      (error) => ({ id, error: `its worker did not start (${error.message})` }),
    );
  }

  // While one model is drawn, the newest waits; those it replaced are never drawn.
  let drawing = false;
  /** @type {{ model: unknown, status: string, received: number } | undefined} */
  let waiting;
  /** The worker's id of the drawing on the canvas, which its next drawing may patch. */
  let shownId = null;
  function show(update) {
    waiting = update;
    if (drawing) return;
    drawing = true;
    waiting = undefined;
    const base = shownId;
    drawInWorker({ kind: 'show', model: update.model, shown: base }).then((reply) => {
      drawing = false;
      if (reply.error) showError(`The diagram could not be drawn: ${reply.error}`);
      else if (reply.patch && shownId !== base) waiting = waiting || update; // the canvas changed meanwhile: draw it whole
      else showDrawing(reply, update);
      if (waiting) show(waiting);
    });
  }

  function showDrawing(reply, update) {
    if (reply.patch) {
      const svg = /** @type {SVGSVGElement} */ (canvas.querySelector('svg'));
      for (const [index, markup] of reply.patch) svg.children[index].outerHTML = markup;
    } else canvas.innerHTML = reply.svg;
    shownId = reply.id;
    status.textContent = update.status || '';
    select(selectedId);
    if (!fitted) {
      fit();
      fitted = true;
    } else apply();
    // Reported once the frame that shows it is drawn: how long since the model arrived, and since the page started.
    requestAnimationFrame(() =>
      setTimeout(() => vscode.postMessage({ type: 'rendered', nodes: canvas.querySelectorAll('.node').length, ms: performance.now() - update.received, workerMs: reply.ms, at: performance.now() })),
    );
  }

  function showError(text) {
    shownId = null;
    canvas.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = text;
    canvas.appendChild(p);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'model') {
      show({ model: message.model, status: message.status, received: performance.now() });
    } else if (message.type === 'export') {
      drawInWorker({ kind: 'export', model: message.model, theme: message.theme }).then((reply) => vscode.postMessage({ type: 'exported', id: message.id, svg: reply.svg, error: reply.error }));
    } else if (message.type === 'error') {
      showError(message.text);
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
