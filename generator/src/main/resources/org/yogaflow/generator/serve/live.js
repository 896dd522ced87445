// Live reload for `yogaflow serve --watch` and `yogaflow dev` (never published): reloads the
// page after a rebuild, and shows a failed build's errors over the last good site.
const events = new EventSource('/__yogaflow/events');
let overlay = null;

events.addEventListener('reload', () => location.reload());

events.addEventListener('problems', (e) => {
  const { errors } = JSON.parse(e.data);
  show(errors);
});

function show(errors) {
  if (!document.querySelector('link[data-yogaflow-live]')) {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/__yogaflow/live.css';
    css.dataset.yogaflowLive = '';
    document.head.append(css);
  }
  overlay?.remove();
  overlay = document.createElement('section');
  overlay.className = 'yogaflow-live-overlay';
  overlay.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.textContent = `The build failed: ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`;
  const note = document.createElement('p');
  note.textContent = 'This is the last good version of the site. Fix the content and save: the page reloads.';
  const list = document.createElement('ul');
  for (const error of errors) {
    const item = document.createElement('li');
    const where = document.createElement('code');
    where.className = 'yogaflow-live-where';
    where.textContent = error.line > 0 ? `${error.path}:${error.line}:${Math.max(error.column, 1)}` : error.path;
    const message = document.createElement('span');
    message.className = 'yogaflow-live-message';
    message.textContent = error.message;
    item.append(where, ' ', message);
    if (error.hint) {
      const hint = document.createElement('span');
      hint.className = 'yogaflow-live-hint';
      hint.textContent = `hint: ${error.hint}`;
      item.append(hint);
    }
    list.append(item);
  }
  // The overlay covers part of the page: it can be put away to read the last good page under it.
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'yogaflow-live-close';
  close.textContent = 'Close';
  close.setAttribute('aria-label', 'Close the build errors');
  close.addEventListener('click', () => {
    overlay.remove();
    overlay = null;
  });
  overlay.append(close, title, note, list);
  document.body.append(overlay);
}
