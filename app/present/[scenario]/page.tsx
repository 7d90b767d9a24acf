import type { Metadata } from 'next';
import { PresentRoute } from '@/components/classroom/PresentRoute';
import { scenario as findScenario, scenarios } from '@/lib/content.server';

export const dynamicParams = false;

export function generateStaticParams() {
  return scenarios().map((scenario) => ({ scenario: scenario.id }));
}

type Props = { params: Promise<{ scenario: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { scenario } = await params;
  const found = findScenario(scenario);
  return { title: found ? `Present: ${found.title}` : 'Present', description: found?.summary };
}

export default async function PresentPage({ params }: Props) {
  const { scenario: id } = await params;
  const scenario = findScenario(id);
  if (!scenario) throw new Error(`Unknown scenario ${id}`);
  return <PresentRoute scenario={scenario} />;
}
