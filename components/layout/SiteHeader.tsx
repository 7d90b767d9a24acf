import Link from 'next/link';
import { SiteSearch } from '@/components/search/SiteSearch';
import { MobileNav } from './MobileNav';
import { navLinks } from './navLinks';
import { ThemeToggle } from './ThemeToggle';

export function SiteHeader() {
  return (
    <header className="no-print sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      {/* As wide as the page below it: the presenter and the playground use the screen's width (data-wide-page). */}
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6 [body:has([data-wide-page])_&]:max-w-[110rem]">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900 dark:text-white">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
            <rect x="3" y="6" width="26" height="5" rx="1.5" className="fill-brand-600 dark:fill-brand-400" />
            <rect
              x="3"
              y="13.5"
              width="20"
              height="5"
              rx="1.5"
              className="fill-brand-500 dark:fill-brand-500"
            />
            <rect
              x="3"
              y="21"
              width="14"
              height="5"
              rx="1.5"
              className="fill-brand-400 dark:fill-brand-600"
            />
          </svg>
          <span className="whitespace-nowrap">Kafka Roadmap</span>
        </Link>
        <nav aria-label="Main" className="ml-auto hidden md:block">
          <ul className="flex items-center gap-1">
            {navLinks.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2 md:ml-2">
          <SiteSearch />
          <ThemeToggle />
          <MobileNav />
        </div>
      </div>
    </header>
  );
}
