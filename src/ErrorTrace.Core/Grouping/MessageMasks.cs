namespace ErrorTrace.Core.Grouping;

/// <summary>
/// The ordered parameterisation rules. Two messages that differ only where a rule matched are the same error.
/// Order matters: the more specific shape is tried first (a UUID before its hex runs, a timestamp before its numbers).
/// A rule is tried only where a token starts (after a non-alphanumeric character), except <c>number</c>, which also
/// masks digits inside words (<c>rank3</c>, <c>cuda:1</c>) so per-rank variants of a message group together.
/// </summary>
internal static class MessageMasks
{
    public static readonly MessageMask[] All =
    [
        new("uuid", "<uuid>", "8-4-4-4-12 hex: request and run ids.", MaskMatchers.Uuid),
        new("timestamp", "<date>", "ISO dates with a time: every log line's own clock.", MaskMatchers.IsoTimestamp),
        new("time", "<time>", "HH:MM:SS clocks inside messages (tqdm's elapsed time).", MaskMatchers.Clock),
        new("ip", "<ip>", "IPv4 with an optional port: rendezvous and NCCL peers; merges errors about different hosts, which is the point.", MaskMatchers.IPv4),
        new("hex", "<hex>", "0x-prefixed addresses and handles (faulthandler thread ids, CUDA pointers).", MaskMatchers.HexLiteral),
        new("temp-path", "<tmp>", "Paths under /tmp, /var/tmp and /dev/shm: per-run scratch names.", MaskMatchers.TempPath),
        new("quoted", "<quoted>", "Quoted values ('flash_attn', \"train.json\"): merges 'No module named x' for different x — the same kind of failure, kept verbatim in the first message.", MaskMatchers.Quoted),
        new("hex-id", "<id>", "Runs of 8+ hex digits mixing letters and digits: commit hashes, object ids.", MaskMatchers.HexId),
        new("duration", "<duration>", "A number with a time unit (1800000 milliseconds, 2.5s): timeouts differ by run.", MaskMatchers.Duration),
        new("number", "<num>", "Any other number, sizes and steps included: 'Tried to allocate 20.00 MiB' at step 5 and at step 500 are one error.", MaskMatchers.Number, InsideWords: true),
    ];
}
