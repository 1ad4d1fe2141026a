// Plain-English messages for what can go wrong when signing in.
export function signInErrorMessage(error: { code?: string; status?: number; message?: string } | null | undefined): string {
  if (!error) return '';
  switch (error.code) {
    case 'invalid_credentials':
      return 'The email address or password is wrong. Check them and try again.';
    case 'otp_expired':
      return 'That code is wrong or has run out. Check it, or ask for a new code.';
    case 'otp_disabled':
      return 'There is no account for this email address. Check it, or ask the co-production team to add you.';
    case 'validation_failed':
      return 'Enter an email address in the right format, like name@example.com.';
    case 'over_request_rate_limit':
    case 'over_email_send_rate_limit':
      return error.message ?? 'Too many tries. Wait a minute, then try again.';
  }
  if (!error.status) return 'We could not reach the sign-in service. Check your internet connection and try again.';
  return 'Signing in is not working right now. Try again in a few minutes.';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailProblem(email: string): string | undefined {
  if (!email.trim()) return 'Enter your email address.';
  if (!EMAIL.test(email.trim())) return 'Enter an email address in the right format, like name@example.com.';
  return undefined;
}

export function codeProblem(code: string): string | undefined {
  const digits = code.replace(/\s/g, '');
  if (!digits) return 'Enter the code from the email.';
  if (!/^\d{6}$/.test(digits)) return 'The code is 6 numbers, like 123456.';
  return undefined;
}
