#!/usr/bin/env python3
"""Builds stemming/data/language_profiles.tsv, the character n-gram and word profiles that
arkiv::identify_language scores text against. Run from the project root:

    python3 stemming/data/language_profiles_train.py /path/to/unpacked/sources [held-out-dir]

Training text (see language_profiles.SOURCE.md): Danish laws of 2025 (Danish-law-mcp seed),
Norwegian Lovtidend 2025 in bokmål and nynorsk plus the nynorsk real-estate statutes
(lovdata-public-data), the Debian word lists danish/bokmaal/nynorsk, the Snowball vocabularies
and stop words for Swedish and English, and the hand-written marker words. The UD treebanks
are never read: they are the evaluation set.
"""
import collections, glob, html, json, math, random, re, sys

LANGS = ["da", "nb", "nn", "sv", "en"]
MAX_ORDER = 4
NGRAMS_PER_LANG = 6000   # most frequent n-grams kept per language and order group
WORDS_PER_LANG = 3000   # most frequent words kept per language
CORPUS_CHARS = 4_000_000  # running text read per language, at most
LEXICON_SHARE = 0.25     # words sampled from each Debian word list, as a share of the running text
LEXICON_MAX_LETTERS = 6  # words this short are looked up in the word-list membership table
MARKER_SHARE = 0.0015    # each marker word counts as this share of the language's word tokens
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

def words(text):
    return [w.lower() for w in WORD.findall(text)]

HELD_OUT_PARAGRAPHS = 1000  # paragraphs of at least 8 words kept from the documents after the cut-off

def keep_held_out(held_out, paragraph):
    paragraph = " ".join(paragraph.split())
    if len(held_out) < HELD_OUT_PARAGRAPHS and len(paragraph.split()) >= 8: held_out.append(paragraph)

def danish_law(root):
    """Training text of the first documents up to CORPUS_CHARS, and held-out paragraphs of the rest."""
    parts, held_out, size = [], [], 0
    for path in sorted(glob.glob(f"{root}/seed/data/seed/*.json")):
        provisions = [p["content"] for p in json.load(open(path, encoding="utf-8")).get("provisions", [])]
        if size > CORPUS_CHARS:
            for provision in provisions: keep_held_out(held_out, provision)
            continue
        parts += provisions; size += sum(map(len, provisions))
    return "\n".join(parts), held_out

def lovdata(root, lang):
    """As danish_law, for the Lovtidend documents in one language (nn: all of them are training text)."""
    paths = sorted(glob.glob(f"{root}/lti/2025/*.xml"))
    if lang == "nn": paths += sorted(glob.glob("/work/shared/data/lovdata-public-data/real-estate/nl/*.xml"))
    parts, held_out, size = [], [], 0
    for path in paths:
        doc = open(path, encoding="utf-8").read()
        if f'<html lang="{lang}"' not in doc[:200]: continue
        body = doc.split('<main', 1)[-1]
        if size > CORPUS_CHARS:
            for paragraph in re.findall(r"<(?:p|article)\b[^>]*>(.*?)</(?:p|article)>", body, flags=re.S):
                keep_held_out(held_out, html.unescape(re.sub(r"<[^>]+>", " ", paragraph)))
            continue
        text = html.unescape(re.sub(r"<[^>]+>", " ", body))
        parts.append(text); size += len(text)
    return "\n".join(parts), held_out

def lines(path, encoding="utf-8"):
    return [l.strip() for l in open(path, encoding=encoding) if l.strip()]

def snowball_stop(path):
    return [l.split("|")[0].split()[0] for l in open(path, encoding="utf-8") if l.split("|")[0].strip()]

def main(root, held_out_dir=None):
    random.seed(2026)
    stopwords_iso = json.load(open("/work/shared/data/stopwords-iso/stopwords-iso.json", encoding="utf-8"))
    markers = {}
    for line in lines("stemming/data/language_profiles_markers.tsv")[3:]:
        lang, text = line.split("\t"); markers[lang] = text.split()
    (da_text, da_held_out), (nb_text, nb_held_out), (nn_text, _) = danish_law(root), lovdata(root, "nb"), lovdata(root, "nn")
    if held_out_dir:
        for lang, paragraphs in (("da", da_held_out), ("nb", nb_held_out)):
            with open(f"{held_out_dir}/held_out_{lang}.txt", "w", encoding="utf-8") as out:
                out.write("\n".join(paragraphs) + "\n")
    corpus = {"da": words(da_text), "nb": words(nb_text), "nn": words(nn_text),
              "sv": lines("tests/data/snowball/swedish/voc.txt") + snowball_stop("tests/data/stopwords/algorithms/swedish/stop.txt") + stopwords_iso["sv"],
              "en": lines("tests/data/snowball/english/voc.txt") + snowball_stop("tests/data/stopwords/algorithms/english/stop.txt") + stopwords_iso["en"]}
    # The Norwegian lists are ISO-8859-1, the Danish one UTF-8.
    lexicon = {"da": ("/usr/share/dict/danish", "utf-8"), "nb": ("/usr/share/dict/bokmaal", "latin-1"),
               "nn": ("/usr/share/dict/nynorsk", "latin-1")}
    word_lists = {}
    for lang, (path, encoding) in lexicon.items():
        word_lists[lang] = set(w.lower() for w in lines(path, encoding) if WORD.fullmatch(w))
    membership = write_membership("stemming/data/language_profiles_lexicon.tsv", word_lists)
    # Class frequencies come from the running text (and the sv/en word lists), before the
    # word-list samples are added: P(a word is "nn only" | nn text) must describe real text.
    class_counts = {lang: collections.Counter(membership.get(w, "unlisted") for w in corpus[lang]
                                              if len(w) <= LEXICON_MAX_LETTERS) for lang in LANGS}
    # Proportional to the running text, so the small nynorsk corpus is not swamped by list words.
    for lang in lexicon:
        corpus[lang] += random.sample(sorted(word_lists[lang]), round(LEXICON_SHARE * len(corpus[lang])))
    word_counts, ngram_counts = {}, {}
    for lang in LANGS:
        tokens = corpus[lang]
        counts = collections.Counter(tokens)
        for marker in markers[lang]:
            counts[marker] += max(1, round(MARKER_SHARE * len(tokens)))
        word_counts[lang] = counts
        grams = collections.Counter()
        for word, n in counts.items():
            padded = f"_{word}_"
            for order in range(1, MAX_ORDER + 1):
                for i in range(len(padded) - order + 1):
                    gram = padded[i:i + order]
                    if gram != "_": grams[gram] += n
        ngram_counts[lang] = grams
        print(f"{lang}: {len(tokens)} training tokens, {len(counts)} distinct words", file=sys.stderr)
    write_profiles("stemming/data/language_profiles.tsv", word_counts, ngram_counts, class_counts)

def write_membership(path, word_lists):
    """Words of at most LEXICON_MAX_LETTERS letters by the Debian lists that hold them, for the
    words not in all three lists. Returns word -> class name ("da", "nb+nn", ...)."""
    membership = {}
    for word in set().union(*word_lists.values()):
        if len(word) > LEXICON_MAX_LETTERS: continue
        holders = [lang for lang in ("da", "nb", "nn") if word in word_lists[lang]]
        if len(holders) < 3: membership[word] = "+".join(holders)
    by_class = collections.defaultdict(list)
    for word, name in membership.items(): by_class[name].append(word)
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Words of at most %d letters by the Debian word lists (danish, bokmaal, nynorsk) that hold them, for\n" % LEXICON_MAX_LETTERS)
        out.write("# words missing from at least one list. Generated by language_profiles_train.py; see language_profiles.SOURCE.md.\n")
        out.write("lists\twords\n")
        for name in sorted(by_class):
            words_of_class = sorted(by_class[name])
            for start in range(0, len(words_of_class), 200):
                out.write(name + "\t" + " ".join(words_of_class[start:start + 200]) + "\n")
    return membership

def write_profiles(path, word_counts, ngram_counts, class_counts):
    rows = []
    for kind, counts, keep in (("w", word_counts, WORDS_PER_LANG), ("g", ngram_counts, NGRAMS_PER_LANG),
                               ("m", class_counts, 100)):
        vocabulary = set().union(*(c.keys() for c in counts.values()))
        totals = [sum(counts[l].values()) for l in LANGS]
        rows.append(["total", kind, str(len(vocabulary))] + [str(t) for t in totals])
        kept = set()
        for lang in LANGS:
            kept.update(f for f, _ in counts[lang].most_common(keep))
        for feature in sorted(kept):
            rows.append([kind, feature, ""] + [str(counts[l][feature]) for l in LANGS])
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Language profiles for arkiv::identify_language, generated by language_profiles_train.py; see language_profiles.SOURCE.md.\n")
        out.write("# kind (w = word, g = character n-gram with _ marking a word boundary, m = word-list class of a short word\n")
        out.write("# from language_profiles_lexicon.tsv), feature, (vocabulary size on total rows), counts per language.\n")
        out.write("kind\tfeature\tvocabulary\t" + "\t".join(LANGS) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")

if __name__ == "__main__":
    # language_profiles_train.py SOURCES [HELD_OUT_DIR]: with HELD_OUT_DIR, also write held_out_da.txt
    # and held_out_nb.txt there (one legal paragraph a line, from documents not trained on).
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp", sys.argv[2] if len(sys.argv) > 2 else None)
