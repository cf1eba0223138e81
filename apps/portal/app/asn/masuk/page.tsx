import type { Metadata } from 'next';
import { Flash } from '../../../components/Flash';
import { changePasswordAction, loginAction } from '../actions';

export const metadata: Metadata = { title: 'Masuk ruang kerja ASN' };

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<{ ok?: string; galat?: string; ganti?: string }> }) {
  const sp = await searchParams;
  if (sp.ganti) {
    return (
      <>
        <h1>Ganti kata sandi sekali pakai</h1>
        <Flash ok={sp.ok} err={sp.galat} />
        <form action={changePasswordAction}>
          <label htmlFor="currentPassword">Kata sandi sekarang</label>
          <input id="currentPassword" name="currentPassword" type="password" required autoComplete="current-password" />
          <label htmlFor="newPassword">Kata sandi baru (minimal 12 karakter)</label>
          <input id="newPassword" name="newPassword" type="password" required minLength={12} autoComplete="new-password" />
          <button type="submit">Simpan</button>
        </form>
      </>
    );
  }
  return (
    <>
      <h1>Masuk ruang kerja ASN</h1>
      <Flash ok={sp.ok} err={sp.galat} />
      <form action={loginAction}>
        <label htmlFor="email">E-mail dinas</label>
        <input id="email" name="email" type="email" required autoComplete="username" />
        <label htmlFor="password">Kata sandi</label>
        <input id="password" name="password" type="password" required autoComplete="current-password" />
        <button type="submit">Masuk</button>
      </form>
    </>
  );
}
