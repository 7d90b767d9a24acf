export const navLinks = [
  { href: '/roadmap/', label: 'Roadmap' },
  { href: '/playground/', label: 'Playground' },
  { href: '/paths/', label: 'Paths' },
  { href: '/progress/', label: 'Progress' },
  { href: '/present/', label: 'Classroom' },
  { href: '/glossary/', label: 'Glossary' },
] as const;
