// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78): the checksum of a record batch v2 over everything from
// its attributes to its end (implementation.html §5.3.1). librdkafka verifies it on every fetched batch
// (check.crcs), so a wrong value breaks kcat while KafkaJS, which does not check, would not notice.
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
