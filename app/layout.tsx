import type { Metadata, Viewport } from 'next';
import Script from 'next/script';
import type { ReactNode } from 'react';
import { OfflineSupport } from '@/components/layout/OfflineSupport';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { themeInitScript } from '@/components/layout/themeScript';
import { ProgressNotice } from '@/components/progress/ProgressNotice';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kafka Roadmap — learn Apache Kafka by running it', template: '%s · Kafka Roadmap' },
  description:
    'An interactive Apache Kafka course in your browser: lessons, a faithful cluster simulation you can break, the real CLI, challenges and quizzes.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1220' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Sets the theme class before first paint so a dark-mode reader never sees a white flash. */}
        <Script id="theme-init" strategy="beforeInteractive">
          {themeInitScript}
        </Script>
      </head>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only z-50 rounded bg-brand-700 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <div className="flex min-h-screen flex-col">
          <SiteHeader />
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {/* Unreadable saved progress is reported on every page, not only on the progress pages. */}
            <div className="mx-auto max-w-7xl px-4 sm:px-6 empty:hidden">
              <ProgressNotice />
            </div>
            {children}
          </main>
          <SiteFooter />
        </div>
        <OfflineSupport />
      </body>
    </html>
  );
}
