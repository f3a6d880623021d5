// A mock database with 10,000 comments (about 3.6 M characters: it must fit the 5 M that
// Chromium's localStorage holds per origin) on one article, shaped like a real busy thread: most
// threads are a lone comment or a short exchange, some run deep (a back-and-forth), and a few
// draw hundreds of replies. Seeded, so every run measures the same thread.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const names = [
  'Ana Souza',
  'Ben Carter',
  'Chen Wei',
  'Dara Nwosu',
  'Elif Kaya',
  'Farid Haddad',
  'Greta Lind',
  'Hiro Tanaka',
  'Ines Duarte',
  'Jonas Berg',
  'Kemi Adeyemi',
  'Lena Novak',
  'Mateo Rossi',
  'Nadia Petrova',
  'Omar Saleh',
  'Priya Raman',
];
const words =
  'the a policy moscow beijing talks defense minister partner exercise report quote source claim history treaty army navy border trade sanctions analysis signal alliance week statement visit military cooperation'.split(
    ' ',
  );

function threadSize(random) {
  const r = random();
  if (r < 0.55) return 1;
  if (r < 0.8) return 2 + Math.floor(random() * 3);
  if (r < 0.93) return 5 + Math.floor(random() * 11);
  if (r < 0.985) return 16 + Math.floor(random() * 65);
  return 150 + Math.floor(random() * 250);
}

export function bigThreadDb(slug, total = 10_000, seed = 42) {
  const random = rng(seed);
  const comments = [];
  let time = Date.parse('2023-04-16T17:00:00Z');
  const sentence = () => {
    const n = 4 + Math.floor(random() * 26);
    const text = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(
      ' ',
    );
    return text[0].toUpperCase() + text.slice(1) + '.';
  };
  while (comments.length < total) {
    const size = Math.min(threadSize(random), total - comments.length);
    const thread = [];
    for (let i = 0; i < size; i += 1) {
      // Half the replies answer the latest comment (a chain that runs deep), half an earlier one.
      const parent =
        i === 0
          ? null
          : random() < 0.5
            ? thread.at(-1)
            : thread[Math.floor(random() * thread.length)];
      time += 1000 * (5 + Math.floor(random() * 120));
      const author = names[Math.floor(random() * names.length)];
      const paragraphs = 1 + (random() < 0.15 ? 1 : 0) + (random() < 0.03 ? 1 : 0);
      const comment = {
        id: String(comments.length + 1),
        articleSlug: slug,
        parentId: parent ? parent.id : null,
        author,
        email: `${author.split(' ')[0].toLowerCase()}@example.com`,
        website: random() < 0.1 ? 'https://example.com/' : null,
        content: Array.from({ length: paragraphs }, sentence).join('\n\n'),
        createdAt: new Date(time).toISOString(),
        status: 'approved',
        authorToken: null,
        clientId: null,
        editToken: null,
      };
      thread.push(comment);
      comments.push(comment);
    }
  }
  return { comments, nextId: comments.length + 1 };
}

/** Depth (1 = top level) and thread statistics, to print beside the figures. */
export function describeThread(db) {
  const byId = new Map(db.comments.map((c) => [c.id, c]));
  let maxDepth = 0;
  const threads = new Map();
  for (const c of db.comments) {
    let depth = 1;
    let root = c;
    while (root.parentId) {
      root = byId.get(root.parentId);
      depth += 1;
    }
    maxDepth = Math.max(maxDepth, depth);
    threads.set(root.id, (threads.get(root.id) ?? 0) + 1);
  }
  const sizes = [...threads.values()];
  return {
    comments: db.comments.length,
    threads: sizes.length,
    lone: sizes.filter((s) => s === 1).length,
    largest: Math.max(...sizes),
    maxDepth,
  };
}
