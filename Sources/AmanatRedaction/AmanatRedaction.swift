// AmanatRedaction: pure text. It finds what must not leak from a testimony (the case's people and
// places in every Russian inflection and in either script, phone numbers, …) so that excerpts can be
// published without them. It knows nothing of storage; AmanatVault keeps plans and projections.
//
// Method: every word is compared in one folded Latin form (Cyrillic transliterated, ё = е, and the
// spelling variants kh/h, ya/ia, yu/iu, ye/e, y/i, ts/c, j/i made equal), and a case term matches a
// word that is the term itself, the term plus a Russian case ending, or the term's Snowball stem plus
// a non-empty case ending. Docs/redaction.md explains the method, its limits and the editor's workflow.
