import type { Metadata } from 'next';
import { Flash } from '../../../components/Flash';
import { getT } from '../../../lib/locale';
import { changePasswordAction, loginAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT()).t('login.title') };
}

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<{ ok?: string; galat?: string; ganti?: string }> }) {
  const [sp, { t }] = await Promise.all([searchParams, getT()]);
  if (sp.ganti) {
    return (
      <>
        <h1>{t('login.changeTitle')}</h1>
        <Flash ok={sp.ok} err={sp.galat} />
        <form action={changePasswordAction}>
          <label htmlFor="currentPassword">{t('login.current')}</label>
          <input id="currentPassword" name="currentPassword" type="password" required autoComplete="current-password" />
          <label htmlFor="newPassword">{t('login.new')}</label>
          <input id="newPassword" name="newPassword" type="password" required minLength={12} autoComplete="new-password" />
          <button type="submit">{t('login.save')}</button>
        </form>
      </>
    );
  }
  return (
    <>
      <h1>{t('login.title')}</h1>
      <Flash ok={sp.ok} err={sp.galat} />
      <form action={loginAction}>
        <label htmlFor="email">{t('login.email')}</label>
        <input id="email" name="email" type="email" required autoComplete="username" />
        <label htmlFor="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" required autoComplete="current-password" />
        <button type="submit">{t('login.submit')}</button>
      </form>
    </>
  );
}
