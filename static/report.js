// Reads a meeting report chosen with the file picker into the text box, so
// that the form posts it as text; pasting works without this script.
// Teams writes UTF-16: the bytes are decoded by their byte-order mark.
document.querySelectorAll('input[data-report-for]').forEach((input) => {
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    const box = document.getElementById(input.dataset.reportFor);
    if (!file || !box) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const le = bytes[0] === 0xff && bytes[1] === 0xfe;
    const be = bytes[0] === 0xfe && bytes[1] === 0xff;
    box.value = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8').decode(le || be ? bytes.slice(2) : bytes);
  });
});
