// The inbox's few browser-only pieces: a chime made in code (no sound file), the browser's notifications, scrolling.
let audio;

function context() {
  const Audio = window.AudioContext || window.webkitAudioContext;
  if (!audio && Audio) {
    audio = new Audio();
    // Browsers keep audio muted until the person interacts with the page once.
    const unlock = () => audio.resume();
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
  }
  return audio;
}

export function init() {
  context();
  return permission();
}

export function chime() {
  const ctx = context();
  document.body.dataset.chimes = String(Number(document.body.dataset.chimes || 0) + 1);
  if (!ctx) return;
  const now = ctx.currentTime;
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0.0001, now);
  gain.gain.exponentialRampToValueAtTime(0.25, now + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.45);
  gain.connect(ctx.destination);
  [880, 1320].forEach((frequency, i) => {
    const tone = ctx.createOscillator();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(now + i * 0.12);
    tone.stop(now + 0.45);
  });
}

export function permission() {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

export async function askPermission() {
  return 'Notification' in window ? await Notification.requestPermission() : 'unsupported';
}

export function notify(title, body, tag) {
  if (!('Notification' in window) || Notification.permission !== 'granted') return false;
  const shown = new Notification(title, { body, tag });
  shown.onclick = () => { window.focus(); shown.close(); };
  return true;
}

export function scrollToBottom(element) {
  if (element) element.scrollTop = element.scrollHeight;
}
