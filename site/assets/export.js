// Offers a text as a file download, without any server.

export function download(text, filename, type = "application/json") {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Every finished evaluation kept on this device (records of storage.js) as one JSON Lines download; how many. */
export function downloadFinished(records) {
  const all = records.list().records.filter((r) => r.exported).map((r) => r.exported);
  if (all.length) {
    const day = new Date().toISOString().slice(0, 10);
    download(all.map((e) => JSON.stringify(e)).join("\n") + "\n", `beoordelingen-${day}.jsonl`, "application/x-ndjson");
  }
  return all.length;
}
