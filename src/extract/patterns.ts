// Clause patterns over the chunked sentence. A sentence is rendered as a string of symbols, one
// per unit: P person, O organisation, R role, L place, Y year, M month, and every other word
// lower-cased ("O names P as R ; P steps down"). The patterns below read that string the way a
// finite-state cascade does (cf. FASTUS at MUC-6): each names its trigger, who moves, which way,
// and where the role, organisation and counterpart stand.

/**
 * A list of phrases as one alternation, factored into a trie ("step down|steps down|stepped down" →
 * "step(?:s| |ped)…"): the regex engine then tries each character once instead of each phrase in
 * turn. Longer phrases come first where one extends another, as the patterns expect.
 */
const alt = (words: string): string => trieSource(words.split(/[|\n]/).map((w) => w.trim()).filter(Boolean));

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

function trieSource(words: string[]): string {
  const root: Trie = { end: false, next: new Map() };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let n = node.next.get(ch);
      if (!n) {
        n = { end: false, next: new Map() };
        node.next.set(ch, n);
      }
      node = n;
    }
    node.end = true;
  }
  const emit = (node: Trie): string => {
    const branches = [...node.next].map(([ch, n]) => ch.replace(/[-\\^$.*+?()[\]{}|/]/g, '\\$&') + emit(n));
    if (!branches.length) return '';
    const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return `(?:${emit(root)})`;
}

export const AUX = `(?:${alt(`
will|would|shall|is|are|was|were|has|have|had|be|been|being|to|also|now|formally|officially|immediately|abruptly
unexpectedly|suddenly|effectively|then|later|soon|eventually|just|already|finally|set|due|expected|plans|planned|planning
plan|agreed|agrees|decided|decides|intends|intend|wants|going|reportedly|quietly|widely|both|jointly|himself|herself|can
leaves to|leaving to|left to|quits to|quit to|departs to|exits to|resigns to|steps down to|also to|was to|is to
leaves O to|leaving O to|left O to|quits O to|quit O to|is leaving O to|will leave O to
concurrently|temporarily|provisionally|now|officially|additionally|initially|from now on|going forward|again|once again
yesterday|today
`)} )*`;

/** Subject: a person, coordinated people ("Systrom and Krieger", "CEO X and CFO Y"), or a pronoun. */
export const SUBJ = `(?<!\\b(?:to|of|for|with|from|about|than) )(?<s>(?:P , (?:R |O 's R |O R )?)*(?:P(?: ,)? (?:and|&) (?:R |O 's R |O R |co-founder |cofounder )?)?P(?:(?: ,)? (?:all|both))?|he|she|they)`;

export const V_OUT = alt(`
step down|steps down|stepping down|stepped down|stand down|stands down|step aside|steps aside|stepping aside|stepped aside
step back|steps back|stepping back|stepped back|resign|resigns|resigned|resigning|quit|quits|quitting
retire|retires|retired|retiring|depart|departs|departed|departing|exit|exits|exited|exiting|leave|leaves|leaving|left
out|bow out|bows out|give up|gives up|giving up|gave up|relinquish|relinquishes|relinquished|relinquishing
vacate|vacates|vacated|is departing|head for the exit|heads for the exit|no longer serve as|no longer serves as
no longer be|not continue as|part ways|parts ways|parted ways|tendered his resignation|tendered her resignation
tenders his resignation|tenders her resignation|submitted his resignation|submitted her resignation|announced his resignation
announced her resignation|announced his retirement|announced her retirement|announces his retirement|announces her retirement
dies|died|has died|passes away|passed away|has passed away
take early retirement|takes early retirement|took early retirement|taking early retirement|take an early retirement
takes an early retirement|took an early retirement|go into retirement|goes into retirement|went into retirement
`);

/** What an out-verb may be followed by: the post left, or the company. */
export const OUT_OBJ = `(?: (?:immediately|abruptly|unexpectedly|today|early|effective immediately) )?(?:(?: (?:as|from|from his post as|from her post as|from his role as|from her role as|from the post of|from the role of) (?:(?:the|its|his|her|both) )?(?:(?<o>O) (?:'s )?)?(?:[a-z][a-z-]* ){0,2}(?<r>R))|(?: (?:his|her|their|the|its|both) (?:job|role|post|posts|position|seat|title|duties|jobs|roles)(?:(?: as| of)(?: (?:the|its))?(?: (?<o2>O)(?: 's)?)?(?: (?<r2>R))?)?)|(?: (?:the |his |her |its |both )?(?<r3>R)(?: (?:job|role|post|title|seat|position|posts|titles|roles))?)|(?<board> (?:from |off )?(?:the |its |(?<o3>O) (?:'s )?)?board(?: of directors)?)|(?: (?:the |its )?(?<o4>O)(?! 's)))?`;

export const V_IN_ROLE = alt(`
become|becomes|became|becoming|be|named|appointed|elected|made|tapped|picked|chosen|selected|installed|confirmed as
promoted to|elevated to|promoted as|move to|moves to|moving to|moved to|move into|moves into|step in as|steps in as
step up as|steps up as|take over as|takes over as|took over as|taking over as|serve as|serves as|serving as
return as|returns as|returning as|returned as|come back as|comes back as|start as|starts as|take on the role of
takes on the role of|take her turn as|take his turn as|takes her turn as|takes his turn as|named as|appointed as
elected as|tapped as|picked as|chosen as|add the job of|adds the job of|add the title of|adds the title of|assume
assumes|assuming|assumed|takes the title of|moves into the new role of|move into the new role of|moving into the new role of
named to|appointed to|elected to|named its|named the|picked as|named interim|named acting|named permanent|take up the post of
is now|is now also|are now|has become|have become
take up the role of|takes up the role of|takes up the post of|stepping in as|stepped in as|moving into the role of|move into the role of
taken over as|re-assume|re-assumes|re-assumed|reassume|reassumes|reassumed|resume|resumes|resumed|resuming
sign on as|signs on as|signed on as|signing on as
`);

export const APPOINT = alt(`
names|named|name|naming|taps|tapped|tap|appoints|appointed|appoint|appointing|hires|hired|hire|hiring|picks|picked|pick
promotes|promoted|promote|promoting|elevates|elevated|elevate|elects|elected|elect|nominates|nominated|nominate|selects
selected|select|chooses|chose|choose|poaches|poached|poach|recruits|recruited|recruit|brings back|brought back|bring back
installs|installed|install|makes|made|make|lands|landed|lures|lured|announces appointment of|announced the appointment of
announces the appointment of|reappoints|reappointed|welcomes|welcomed|names new R|confirms|confirmed
`);

export const FIRE = alt(`
ousts|ousted|oust|ousting|fires|fired|fire|firing|removes|removed|remove|removing|dismisses|dismissed|dismiss|sacks|sacked
sack|pushes out|pushed out|push out|forces out|forced out|force out|replaces|replaced|replace|replacing|parts ways with
parted ways with|part ways with|parting ways with|is parting ways with|separates itself from|separated itself from
parts company with|parted company with|part company with|parting company with|released|releases
axes|axed|boots|booted|terminates|terminated|suspends|suspended|suspend
terminated its service agreement with|terminated its employment agreement with|terminated the employment of
terminated its contract with|terminates its contract with|terminated the contract of|terminates the employment of
`);

export const HAND = alt(`
hands|hand|handed|handing|cedes|cede|ceded|ceding|passes|passed|passing|pass|turns over|turned over|turn over|gives|give
`);

/** Words that mark the rest of a sentence as rumour, plan under consideration, denial or question. */
export const MODALITY = new RegExp(
  `\\b(?:${[
    'reportedly', 'rumou?rs?', 'rumou?red', 'speculation', 'speculates?', 'is said to', 'are said to', 'sources? (?:say|said|says)',
    'people familiar', 'familiar with the matter', 'according to (?:people|sources|a person|two people|three people)',
    'considering', 'considers', 'widely expected', 'is expected to be named', 'are expected to be named', 'is weighing', 'weighs', 'weighing', 'in talks', 'held talks', 'holding talks',
    'approached', '(?<!(?:back(?:ing|s)?|support(?:ing|s)?|endors(?:e|es|ing)|fund(?:ing|s)?|political|midterm|election|congressional|presidential) )candidates?', 'shortlist', 'short-list', 'front-?runner', 'tipped', 'heir apparent', 'potential successor',
    'possible successor', 'could succeed', 'could replace', 'could become', 'could be named', 'might', 'may be',
    'in the running', 'succession planning', 'succession race', 'under consideration', 'no decision has been made',
    'denie[sd]', 'deny', 'denying', 'disput(?:es|ed|ing)', 'inaccurate', 'false report', 'no plans to', 'not retiring',
    'not stepping down', 'not leaving', 'is not stepping', 'refuted', 'brushes off', 'brushed off', 'dismisses? (?:reports|talk|speculation)',
  ].join('|')})\\b|\\?\\s*$`,
  'i',
);

/** Words and phrases that place a past-tense change in the past rather than in today's news. */
export const BACKGROUND = /\b(?:since|ago|previously|formerly|once|(?:days|weeks|months|years) later|later that year|earlier this year|earlier in the year|last year|the previous year|in the past|back in|at the time|had been|had run|had led|had served|from \d{4}|between \d{4})\b|\blast (?:january|february|march|april|may|june|july|august|september|october|november|december|month|spring|summer|fall|autumn|winter)\b/i;

/**
 * A common-noun description in front of a named person ("Cisco finance executive Colette Kress",
 * "retired veteran Elliott Hill", "Intel executive Justin Hotard"): up to two modifiers and a head
 * noun that says what the person is, never a verb. Followed by a space.
 */
export const PERSON_DESC = `(?:(?:O 's |O )?(?:[a-z][a-z-]* ){0,2}(?:executive|executives|exec|veteran|insider|outsider|engineer|banker|investor|entrepreneur|official|manager|partner|designer|scientist|researcher|lawyer|boss|operator|technologist|marketer|dealmaker|stalwart|alum|alumnus|alumna|hand|loyalist|lieutenant|deputy|protege|protégé|newcomer) )`;
