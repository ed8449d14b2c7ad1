// Text normalisation for signal detection: lower case, letters only, stop words of Finnish, Swedish and
// English removed, and a light Finnish "stem" by truncation.
//
// Why truncation: Finnish inflects heavily (katuvalo, katuvalon, katuvaloa, katuvaloja, katuvaloissa), and a
// real morphological analyser (Voikko, Omorfi) would be a native dependency. Kettunen, Kunttu and Järvelin
// ("To stem or lemmatize a highly inflectional language in a probabilistic IR environment?", Journal of
// Documentation 61(4), 2005) found fixed-length prefix truncation competitive with stemmers for Finnish
// retrieval; six characters keeps compound heads apart (katuva- vs. katuka-) while folding most endings.

/** Characters kept of each word: the "stem" of a Finnish word is its first six letters. */
export const STEM_LENGTH = 6;
/** Words shorter than this carry little meaning in these languages (ja, on, i, of) and are dropped. */
export const MIN_WORD_LENGTH = 3;

// Frequent function words of each language; matched on the whole word, before truncation.
const FINNISH = `aina ainoa alla alle alta and annetaan antaa asia asiaa asian asiat asioita edes ehkä ei eikä
eivät emme en enemmän ennen entä eri esim esimerkiksi et ette että hän häneen hänen hänet häntä he heidän
heille heitä heti hyvin hyvä ihan ilman itse ja jo joka jokin jolla jolle jolloin jonka jos jossa josta
jota jotka jotain jotta kaikki kaikkia kanssa kautta kerran kesken koko koska kuin kuinka kuitenkin kuka
kukaan kun kyllä lisäksi liian liikaa lähes mahdollista me meidän meille meillä meitä melkein mihin miksi
mikä mikään miten mitä mitään mukaan mutta muut muuta myös myöskään ne niin nyt näin nämä oli olisi olla
olleet ollut olemme olen olet olette oleva olevan olevat olivat olla on onko ovat paljon pitäisi pitää
saa saada se sekä sen siellä siihen siinä siis siitä sillä silloin sinne sitten sitä suoraan taas tai
takia tällä tämä tämän tänne tässä tästä tätä te teidän teille teitä tosi tuo tuolla tuon vaan vai
vain vielä voi voisi voisiko vuoksi yhä yli ylös ympäri ole olisiko eli mm koska joku jotakin joten
nykyään aivan edelleen sitä kiitos hei`;
const SWEDISH = `alla allt att av bara blev bli blir de dem den denna deras dess det detta dig din dina ditt du där
efter eller en ett fanns finns från för genom ha hade han har hela henne hennes hon hur här honom icke
inte jag kan kunde man med mellan men mig min mina mitt mot mycket många måste ni nu när och också om
oss på sedan sig sin sina sitt själv ska skulle som så till under upp ut utan vad var vara varför vi
vid vill våra vårt än är över också tack hej`;
const ENGLISH = `about above after again all also and any are because been before being below between both but
can could did does doing down during each few for from further had has have having her here hers him his
how into its just more most not now off once only other our out over own same she should some such than
that the their them then there these they this those through too under until very was were what when
where which while who whom why will with would you your please thanks hello`;

/** The stop words of Finnish, Swedish and English, whole words in lower case. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${FINNISH} ${SWEDISH} ${ENGLISH}`.split(/\s+/).filter((word) => word.length > 0),
);

/** A word of a text reduced for counting, with the form it had (for a readable label). */
export interface Token {
  stem: string;
  word: string;
}

/**
 * The counted words of a text in order: lower case, letters only (numbers, punctuation, e-mail addresses
 * and web addresses fall away), no stop words, each truncated to its stem.
 */
export function tokenize(text: string): Token[] {
  const cleaned = text
    .normalize("NFC")
    .toLowerCase()
    // Addresses would leak a resident's identity into a term; they are not words of the matter anyway.
    .replace(/\S+@\S+/g, " ")
    .replace(/https?:\/\/\S+/g, " ");
  const tokens: Token[] = [];
  for (const word of cleaned.match(/\p{L}+/gu) ?? []) {
    if (word.length < MIN_WORD_LENGTH || STOP_WORDS.has(word)) continue;
    tokens.push({ stem: word.slice(0, STEM_LENGTH), word });
  }
  return tokens;
}

/** A term of a text: one stem, or two stems next to each other (a phrase), joined by a space. */
export interface TextTerms {
  /** Each distinct term once (a text counts once for a term, however often it repeats it). */
  terms: Set<string>;
  /** The word forms each term had in this text, for the label. */
  forms: Map<string, string>;
}

/** The distinct terms and two-word phrases of a text. */
export function termsOf(text: string): TextTerms {
  const tokens = tokenize(text);
  const terms = new Set<string>();
  const forms = new Map<string, string>();
  const add = (term: string, form: string) => {
    terms.add(term);
    if (!forms.has(term)) forms.set(term, form);
  };
  tokens.forEach((token, i) => {
    add(token.stem, token.word);
    const next = tokens[i + 1];
    if (next && next.stem !== token.stem) add(`${token.stem} ${next.stem}`, `${token.word} ${next.word}`);
  });
  return { terms, forms };
}

/** What stands in for a contact detail a resident typed into their text. */
export const REDACTED = "[…]";

/**
 * A text with the e-mail addresses and phone numbers a resident may have typed into it replaced, so that the
 * examples staff see across modules carry only the matter (a number of seven or more digits, spaces and
 * dashes allowed, is taken for a phone number; house numbers and years are shorter).
 */
export function redactContacts(text: string): string {
  return text.replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, REDACTED).replace(/\+?\d(?:[\s-]?\d){6,}/g, REDACTED);
}
