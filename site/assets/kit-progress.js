// A kit's handbook page: the trainee's results on this device, per contact.
import { kitRoot, progressStore, showProgress } from "./kit-common.js";

const root = kitRoot();
showProgress(progressStore(root.dataset.kitId, root.dataset.kitVersion));
