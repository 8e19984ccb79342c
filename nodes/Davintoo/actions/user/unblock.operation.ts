import { activeFlagOperation } from '../../helpers/active-flag';

export const unblock = activeFlagOperation('unblock');
