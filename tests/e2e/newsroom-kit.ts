import type { Page } from 'playwright-core';
import type { RunningServer } from './server.js';

/** Getting people into the newsroom in a browser, the two ways an install does it. */

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** The first owner, from the one-time setup link the server prints when it starts with no staff. */
export async function ownerFromSetupLink(page: Page, server: RunningServer, person: Person): Promise<void> {
  let token: string | undefined;
  for (const end = Date.now() + 30_000; !token && Date.now() < end; await new Promise((r) => setTimeout(r, 100))) token = /\/admin\/setup\/([A-Za-z0-9_-]+)/.exec(server.output())?.[1];
  if (!token) throw new Error(`the server printed no setup link:\n${server.output().slice(-2000)}`);
  await page.goto(`${server.baseUrl}/admin/setup/${token}`);
  await page.fill('#name', person.name);
  await page.fill('#email', person.email);
  await page.fill('#password', person.password);
  await Promise.all([page.waitForURL(`${server.baseUrl}/admin`), page.click('button[type=submit]')]);
}

/**
 * A staff member added the way a script would (`arabpress user create`), who sets a password from the
 * printed link and signs in.
 */
export async function staffFromCli(page: Page, server: RunningServer, person: Person & { role: string; language: 'en' | 'ar' }): Promise<void> {
  const printed = await server.cli(['user', 'create', '--email', person.email, '--role', person.role, '--name', person.name, '--language', person.language]);
  const link = /(\/admin\/password\/reset\/[A-Za-z0-9_-]+)/.exec(printed)?.[1];
  if (!link) throw new Error(`user create printed no link:\n${printed}`);
  await page.goto(server.baseUrl + link);
  await page.fill('#password', person.password);
  await page.click('button[type=submit]');
  await page.goto(`${server.baseUrl}/admin/sign-in`);
  await page.fill('#email', person.email);
  await page.fill('#password', person.password);
  await Promise.all([page.waitForURL(`${server.baseUrl}/admin`), page.click('button[type=submit]')]);
}
