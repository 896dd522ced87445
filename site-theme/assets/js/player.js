// The practice player of a sequence page (templates/player.peb). It reads the plan from the
// steps list (data-hold, data-side, data-repeat; the cue and transition texts; a <template>
// with the pose's photo), expands sides and repeats into holds with a transition between two
// consecutive holds, exactly as Sequence.computedSeconds() counts them, and plays it.
//
// ?speed=60 runs the clock 60 times faster (1 s of real time = 60 s of practice), for previews
// and tests; times shown and logged stay in practice seconds.
//
// At the end, on a site with an account API (<meta name="yogaflow-api">), practice-log.js logs
// the session; without that module or that meta tag the player simply shows the summary.

const SIDES = { both: ['right', 'left'], right: ['right'], left: ['left'], none: [null] };
const SIDE_LABELS = { right: 'Right side', left: 'Left side' };
const MUTE_KEY = 'yogaflow.player.muted';
const TICK_MS = 200;

/**
 * The plan as a list of segments: holds (every side and round of every step) and, between two
 * consecutive holds, a transition of `transitionSeconds` (none when it is 0).
 */
export function expand(steps, transitionSeconds) {
  const holds = [];
  steps.forEach((step) => {
    for (let round = 1; round <= step.repeat; round++) {
      for (const side of SIDES[step.side] ?? [null]) {
        holds.push({ kind: 'hold', step, round, side, seconds: step.hold, number: holds.length + 1 });
      }
    }
  });
  const segments = [];
  holds.forEach((hold, i) => {
    if (i > 0 && transitionSeconds > 0) {
      segments.push({ kind: 'transition', seconds: transitionSeconds, from: holds[i - 1], to: hold });
    }
    segments.push(hold);
  });
  return { holds: holds.length, segments };
}

/** What to do between two holds: the step's own transition text, or what changes. */
function transitionText(from, to) {
  if (from.step !== to.step) return from.step.transition || `Move into ${to.step.name}.`;
  if (from.round !== to.round) return `Release, then round ${to.round} of ${to.step.repeat}.`;
  return 'Change sides.';
}

/** "4:05", "1:02:00": a clock for the countdown and the time left. */
export function clock(seconds) {
  const s = Math.max(0, Math.ceil(seconds - 1e-6));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** "17 min 30 s", like the page's "Total time". */
function spoken(seconds) {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  if (m === 0) return `${s} s`;
  return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
}

function readSteps(list) {
  const text = (li, selector) => li.querySelector(selector)?.textContent.trim() ?? '';
  return [...list.querySelectorAll(':scope > li.step')].map((li) => ({
    pose: li.dataset.pose,
    name: text(li, '.step-title'),
    hold: Number(li.dataset.hold),
    side: li.dataset.side,
    repeat: Number(li.dataset.repeat),
    cue: text(li, '.cue'),
    transition: text(li, '.transition-text'),
    photo: li.querySelector('template.step-photo'),
  }));
}

function photo(step, sizes) {
  const img = step.photo?.content.firstElementChild?.cloneNode(true);
  if (img && sizes) img.sizes = sizes;
  return img ?? document.createTextNode('');
}

function holdLabel(hold) {
  const parts = [];
  if (hold.side) parts.push(SIDE_LABELS[hold.side]);
  if (hold.step.repeat > 1) parts.push(`Round ${hold.round} of ${hold.step.repeat}`);
  return parts.join(' · ');
}

function speedFactor() {
  const value = Number(new URLSearchParams(location.search).get('speed'));
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 600) : 1;
}

function readMuted() {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false; // storage blocked: sound stays on
  }
}

function saveMuted(muted) {
  try {
    if (muted) localStorage.setItem(MUTE_KEY, '1');
    else localStorage.removeItem(MUTE_KEY);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

function init(list, dialog) {
  const $ = (id) => document.getElementById(id);
  const steps = readSteps(list);
  const { holds, segments } = expand(steps, Number(list.dataset.transitionSeconds));
  if (segments.length === 0) return;
  const starts = [];
  let total = 0;
  for (const segment of segments) {
    starts.push(total);
    total += segment.seconds;
  }
  const speed = speedFactor();
  const opener = $('player-open');
  const pauseButton = $('player-pause');
  const muteButton = $('player-mute');
  const progress = $('player-progress');
  progress.max = total;

  let index = 0; // current segment
  let elapsed = 0; // practice seconds into it
  let practised = 0; // practice seconds the clock ran, whatever was skipped or repeated
  let held = new Set(); // holds whose time ran out (not skipped)
  let timer = 0;
  let last = 0;
  let finished = false;
  let startedAt = null;
  let muted = readMuted();
  let audio = null;
  let wakeLock = null;
  let awake = false; // whether the player wants the screen kept awake
  let asking = false; // a request for the lock is under way

  // ------------------------------------------------------------ sound and screen

  /** Created on the first click (browsers only let pages start audio after a gesture). */
  function audioOn() {
    if (!audio) {
      const Context = window.AudioContext ?? window.webkitAudioContext;
      if (Context) audio = new Context();
    }
    if (audio?.state === 'suspended') audio.resume().catch(() => {});
  }

  /** A soft bell: a sine tone fading out over a second. */
  function chime(frequency = 528) {
    if (muted || !audio) return;
    const t = audio.currentTime;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.15, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 1.2);
    tone.connect(gain).connect(audio.destination);
    tone.start(t);
    tone.stop(t + 1.25);
  }

  function showMuted() {
    muteButton.setAttribute('aria-pressed', String(muted));
  }

  async function keepAwake() {
    awake = true;
    if (!('wakeLock' in navigator) || wakeLock || asking || document.visibilityState !== 'visible') return;
    asking = true;
    try {
      const lock = await navigator.wakeLock.request('screen');
      if (!awake) {
        lock.release().catch(() => {}); // the player closed while the browser was answering
        return;
      }
      wakeLock = lock;
      lock.addEventListener('release', () => { if (wakeLock === lock) wakeLock = null; });
    } catch {
      // refused (battery saver, no permission): the screen may sleep, the practice goes on
    } finally {
      asking = false;
    }
  }

  function letSleep() {
    awake = false;
    wakeLock?.release().catch(() => {});
    wakeLock = null;
  }

  // ------------------------------------------------------------ showing the state

  function announce(text) {
    $('player-live').textContent = text;
  }

  /** The hold shown: the current one, or during a transition the one coming next. */
  const currentHold = () => (segments[index].kind === 'hold' ? segments[index] : segments[index].to);

  function nextHold(hold) {
    for (let i = index; i < segments.length; i++) {
      if (segments[i].kind === 'hold' && segments[i].number === hold.number + 1) return segments[i];
    }
    return null;
  }

  /** Everything that changes only when the segment changes. */
  function showSegment() {
    const segment = segments[index];
    const hold = currentHold();
    const transition = segment.kind === 'transition';
    $('player-position').textContent = `Step ${hold.number} of ${holds}`;
    $('player-phase').textContent = transition
      ? ['Transition', holdLabel(hold)].filter(Boolean).join(' · ')
      : holdLabel(hold) || `Hold ${hold.seconds} s`;
    $('player-pose').textContent = hold.step.name;
    $('player-cue').textContent = transition ? transitionText(segment.from, hold) : hold.step.cue;
    $('player-body').classList.toggle('is-transition', transition);
    $('player-figure').replaceChildren(photo(hold.step));
    const next = transition ? null : nextHold(hold);
    const preview = $('player-next');
    if (next) {
      const label = document.createElement('p');
      label.append('Next: ', Object.assign(document.createElement('strong'), { textContent: next.step.name }));
      if (holdLabel(next)) label.append(`, ${holdLabel(next).toLowerCase()}`);
      preview.replaceChildren(photo(next.step, '5rem'), label);
    } else {
      preview.replaceChildren(...(transition ? [] : [Object.assign(document.createElement('p'), { textContent: 'Last pose' })]));
    }
    announce(transition
      ? `Transition. ${$('player-cue').textContent}`
      : `Step ${hold.number} of ${holds}: ${hold.step.name}${holdLabel(hold) ? `, ${holdLabel(hold)}` : ''}. Hold ${spoken(hold.seconds)}.`);
    showClock();
  }

  /** The countdown and the progress, every tick. */
  function showClock() {
    const segment = segments[index];
    const done = Math.min(total, starts[index] + elapsed);
    $('player-clock').textContent = clock(segment.seconds - elapsed);
    progress.value = done;
    $('player-remaining').textContent = `${clock(total - done)} left`;
  }

  // ------------------------------------------------------------ the clock

  function run() {
    last = performance.now();
    clearInterval(timer);
    timer = setInterval(tick, TICK_MS);
  }

  function stop() {
    clearInterval(timer);
    timer = 0;
  }

  const running = () => timer !== 0;

  function tick() {
    const now = performance.now();
    const delta = ((now - last) / 1000) * speed;
    last = now;
    practised += delta;
    elapsed += delta;
    let moved = false;
    // A fast speed can cross several segments in one tick.
    while (elapsed >= segments[index].seconds) {
      elapsed -= segments[index].seconds;
      if (segments[index].kind === 'hold') held.add(segments[index].number);
      if (index === segments.length - 1) {
        practised -= elapsed;
        finish();
        return;
      }
      index++;
      moved = true;
    }
    if (moved) {
      showSegment();
      if (segments[index].kind === 'hold') chime();
    } else {
      showClock();
    }
  }

  function togglePause() {
    if (finished) return;
    if (running()) {
      tick();
      stop();
      dialog.classList.add('is-paused');
      pauseButton.textContent = 'Resume';
      announce('Paused');
    } else {
      run();
      dialog.classList.remove('is-paused');
      pauseButton.textContent = 'Pause';
      announce('Resumed');
    }
  }

  /** Jumps to the start of hold number `number` (1-based). */
  function goTo(number) {
    if (running()) tick();
    if (finished) return;
    index = segments.findIndex((s) => s.kind === 'hold' && s.number === number);
    elapsed = 0;
    showSegment();
    chime();
  }

  function skip() {
    const hold = currentHold();
    if (hold.number === holds) {
      if (running()) tick();
      if (!finished) finish();
    } else {
      goTo(hold.number + 1);
    }
  }

  function back() {
    goTo(Math.max(1, currentHold().number - 1));
  }

  function start() {
    index = 0;
    elapsed = 0;
    practised = 0;
    held = new Set();
    finished = false;
    startedAt = new Date();
    $('player-summary').hidden = true;
    for (const id of ['player-body', 'player-controls', 'player-keys']) $(id).hidden = false;
    pauseButton.textContent = 'Pause';
    dialog.classList.remove('is-paused');
    $('player-speed').hidden = speed === 1;
    $('player-speed').textContent = ` · preview ×${speed}`;
    showSegment();
    run();
    keepAwake();
  }

  // ------------------------------------------------------------ the end

  async function finish() {
    stop();
    finished = true;
    letSleep();
    chime(396);
    progress.value = total;
    $('player-remaining').textContent = `${clock(0)} left`;
    for (const id of ['player-body', 'player-controls', 'player-keys']) $(id).hidden = true;
    $('player-practised').textContent = spoken(practised);
    $('player-held').textContent = `${held.size} of ${holds} held`;
    const closing = steps[steps.length - 1].transition;
    $('player-closing').hidden = !closing;
    $('player-closing').textContent = closing;
    $('player-log').hidden = true;
    $('player-summary').hidden = false;
    $('player-done').focus();
    announce(`Practice complete. ${spoken(practised)} practised.`);
    // Nothing to log when every hold was skipped (the API takes a second or more).
    if (document.querySelector('meta[name="yogaflow-api"]') && Math.round(practised) >= 1) await log();
  }

  async function log() {
    const line = $('player-log');
    let logSession;
    try {
      ({ logSession } = await import('./practice-log.js'));
    } catch {
      return; // no account module on this site: the summary stands alone
    }
    line.hidden = false;
    line.textContent = 'Logging your practice…';
    let status;
    try {
      ({ status } = await logSession({
        sequence: list.dataset.sequence,
        durationSeconds: Math.round(practised),
        completed: held.size === holds, // skipping to the end is not a finished practice
        startedAt: startedAt.toISOString(),
      }));
    } catch {
      status = 'failed';
    }
    if (status === 'logged') line.textContent = 'Logged ✓';
    else if (status === 'queued') line.textContent = 'Saved — will sync when online';
    else if (status === 'signed-out') {
      const link = document.createElement('a');
      link.href = `${dialog.dataset.login}?next=${encodeURIComponent(location.pathname)}`;
      link.textContent = 'Sign in to log this practice';
      line.replaceChildren(link);
    } else line.textContent = 'This practice could not be logged.';
  }

  // ------------------------------------------------------------ wiring

  opener.addEventListener('click', () => {
    audioOn();
    dialog.showModal();
    start();
    pauseButton.focus();
  });
  dialog.addEventListener('close', () => {
    stop();
    letSleep();
    opener.focus();
  });
  $('player-exit').addEventListener('click', () => dialog.close());
  $('player-close').addEventListener('click', () => dialog.close());
  $('player-again').addEventListener('click', () => {
    start();
    pauseButton.focus();
  });
  pauseButton.addEventListener('click', togglePause);
  $('player-skip').addEventListener('click', skip);
  $('player-back').addEventListener('click', back);
  muteButton.addEventListener('click', () => {
    muted = !muted;
    saveMuted(muted);
    showMuted();
    audioOn();
  });
  // Space pauses even when a player button has focus: preventing keydown keeps the button from
  // being clicked. Links (the sign-in link) and modified keys keep their usual meaning.
  dialog.addEventListener('keydown', (e) => {
    if (finished || e.altKey || e.ctrlKey || e.metaKey || e.target.closest('a')) return;
    const action = { ' ': togglePause, ArrowRight: skip, ArrowLeft: back }[e.key];
    if (!action) return;
    e.preventDefault();
    if (!e.repeat) action();
  });
  dialog.addEventListener('keyup', (e) => {
    if (e.key === ' ' && !finished && !e.target.closest('a')) e.preventDefault();
  });
  document.addEventListener('visibilitychange', () => {
    if (dialog.open && !finished) keepAwake();
  });

  showMuted();
  opener.closest('.practice-start').hidden = false;
}

const list = document.querySelector('ol.steps[data-sequence]');
const dialog = document.getElementById('player');
if (list && dialog && typeof dialog.showModal === 'function') init(list, dialog);
