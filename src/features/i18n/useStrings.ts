// The UI strings in the learner's language.
import { useLab } from '../../store/lab-store';
import { selectLang } from '../../store/selectors';
import { STRINGS } from './strings';

export const useStrings = () => STRINGS[useLab(selectLang)];
