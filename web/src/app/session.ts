// Sign-in for the pages: the token lives in sessionStorage (this tab only, gone when it closes).
const key = "errortrace.token";

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function saveToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(key, token);
    else sessionStorage.removeItem(key);
  } catch {
    // storage disabled: the token lasts as long as the page
  }
}
