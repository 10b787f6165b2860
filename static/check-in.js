// The door: each check-in is one small request answered in JSON, so a slow
// connection only waits for a few hundred bytes; the camera reads QR codes
// where the browser can (BarcodeDetector), and typing always works.
(() => {
  const form = document.getElementById('check-in-form');
  const code = document.getElementById('c-code');
  const answer = document.getElementById('check-in-answer');
  if (!form || !code || !answer) return;
  const show = (a) => {
    answer.replaceChildren();
    const p = document.createElement('p');
    p.className = a.outcome === 'refused' ? 'error-summary' : 'notice';
    p.id = 'c-said';
    p.textContent = a.said;
    answer.append(p);
    if (a.name) {
      const dl = document.createElement('dl');
      dl.className = 'facts';
      for (const [label, value] of [[form.dataset.name, a.name], [form.dataset.role, a.role], [form.dataset.organisation, a.organisation], [form.dataset.country, a.country]]) {
        const dt = document.createElement('dt'); dt.textContent = label;
        const dd = document.createElement('dd'); dd.textContent = value;
        dl.append(dt, dd);
      }
      answer.append(dl);
    }
  };
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    try {
      const res = await fetch(form.action, { method: 'POST', headers: { accept: 'application/json' }, body: new URLSearchParams(new FormData(form)) });
      if (!res.ok) throw new Error(String(res.status));
      show(await res.json());
      code.value = '';
    } catch {
      form.submit();
    } finally {
      busy = false;
      code.focus();
    }
  });
  const scan = document.getElementById('c-scan');
  const video = document.getElementById('c-camera');
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !scan || !video) return;
  scan.hidden = false;
  scan.addEventListener('click', async () => {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    let last = '';
    const tick = async () => {
      const found = await detector.detect(video).catch(() => []);
      const value = found[0]?.rawValue || '';
      if (value && value !== last) {
        last = value;
        code.value = value;
        form.requestSubmit();
        setTimeout(() => { last = ''; }, 3000);
      }
      if (!video.hidden) requestAnimationFrame(tick);
    };
    tick();
  });
})();
