import type { Metadata } from 'next';
import { SurveyForm } from '../../components/SurveyForm';

export const metadata: Metadata = { title: 'Survei kepuasan' };

export default function SurveyPage() {
  return (
    <>
      <h1>Survei kepuasan</h1>
      <p>Penilaian Anda membantu kami mengukur kualitas layanan. Survei ini anonim.</p>
      <SurveyForm />
    </>
  );
}
