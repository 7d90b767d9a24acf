import type { Metadata } from 'next';
import { CustomScenario } from '@/components/classroom/CustomScenario';

export const metadata: Metadata = { title: 'Present a shared scenario' };

export default function CustomScenarioPage() {
  return <CustomScenario />;
}
