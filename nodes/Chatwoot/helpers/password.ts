import { z } from 'zod';

import { type PasswordRule, passwordFollowing, passwordRuleText } from '../../shared/checks';

/**
 * Chatwoot's password rule (config/initializers/secure_password.rb, devise.rb): 6-128 characters
 * with an uppercase and a lowercase letter, a digit and a special character. Checked here so
 * the user gets one clear sentence and nothing is sent.
 */
export const CHATWOOT_PASSWORD: PasswordRule = {
	min: 6,
	max: 128,
	upper: true,
	lower: true,
	digit: true,
	special: "!@#$%^&*()_+-=[]{}|'",
};

export const password = passwordFollowing(CHATWOOT_PASSWORD);

/** A new password that may be left empty (no change). */
export const optionalNewPassword = z.preprocess(
	(v) => (v === '' ? undefined : v),
	password.optional(),
);

/** For the password fields' descriptions. */
export const passwordHint = passwordRuleText(CHATWOOT_PASSWORD);
