// A password strength hint for the register and reset pages. The API has the last word: it
// wants 12 to 128 characters and refuses about 50,000 common passwords; this only guesses.

const WORDS = ['password', 'passw0rd', 'qwerty', 'asdf', 'zxcv', 'letmein', 'iloveyou', 'welcome', 'admin',
  'monkey', 'dragon', 'sunshine', 'princess', 'football', 'baseball', 'master', 'shadow', 'abc', '123', '111',
  '000', 'yoga', 'namaste', 'summer', 'winter'];
const LABELS = ['Too short', 'Weak', 'Fair', 'Good', 'Strong'];

/** {score 0–4, label, advice} for a password (and the email it must not contain). */
export function strength(password, email = '') {
  const chars = [...password.normalize('NFC')];
  if (chars.length < 12) {
    return { score: 0, label: LABELS[0], advice: `Use at least 12 characters (${12 - chars.length} more).` };
  }
  if (chars.length > 128) return { score: 0, label: 'Too long', advice: 'Use at most 128 characters.' };
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0];
  if (local.length >= 3 && lower.includes(local)) {
    return { score: 1, label: LABELS[1], advice: 'Do not use your email address in your password.' };
  }
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/\d/.test(password)) pool += 10;
  if (/[^\w\s]|_/.test(password)) pool += 33;
  if (/\s/.test(password)) pool += 1;
  if (/[^\x00-\x7f]/.test(password)) pool += 100;
  // Common words and repeats add little: count them as one character each.
  let length = chars.length;
  for (const word of WORDS) if (lower.includes(word)) length -= word.length - 1;
  length -= (password.match(/(.)\1{2,}/g) ?? []).reduce((n, run) => n + run.length - 1, 0);
  const bits = Math.max(0, length) * Math.log2(Math.max(pool, 2));
  const score = bits < 45 ? 1 : bits < 65 ? 2 : bits < 85 ? 3 : 4;
  const advice = score < 3 ? 'Add more words, or mix in digits and symbols. Avoid common words.' : 'Looks good.';
  return { score, label: LABELS[score], advice };
}

/** Wires a password input to its <meter> and text (ids <input id>-meter, <input id>-strength). */
export function attachMeter(input, emailInput = null) {
  const meter = document.getElementById(`${input.id}-meter`);
  const text = document.getElementById(`${input.id}-strength`);
  const update = () => {
    if (!input.value) {
      meter.value = 0;
      text.textContent = '';
      return;
    }
    const s = strength(input.value, emailInput?.value ?? '');
    meter.value = s.score;
    text.textContent = `${s.label}. ${s.advice}`;
  };
  input.addEventListener('input', update);
  update();
}

/** "Show password" checkboxes: <input type=checkbox data-show-password="id">. */
export function attachShowPassword(root = document) {
  for (const box of root.querySelectorAll('[data-show-password]')) {
    const input = document.getElementById(box.dataset.showPassword);
    box.addEventListener('change', () => { input.type = box.checked ? 'text' : 'password'; });
  }
}

/** The error for a password the API would refuse for its length, or ''. */
export function lengthError(password) {
  const n = [...password.normalize('NFC')].length;
  if (n === 0) return 'Enter a password.';
  if (n < 12) return `Use at least 12 characters (${12 - n} more).`;
  if (n > 128) return 'Use at most 128 characters.';
  return '';
}
