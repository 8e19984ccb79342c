import { activeFlagOperation } from '../../helpers/active-flag';

export const block = activeFlagOperation('block');
