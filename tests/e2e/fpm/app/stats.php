<?php
// json_encode(Spectra::stats()). ?flush=MS first calls Spectra::flush(MS); its result is in
// the X-Spectra-Flushed header (1 or 0) so the body stays exactly the stats array.
declare(strict_types=1);

use Spectra\Spectra;

if (isset($_GET['flush'])) {
    header('X-Spectra-Flushed: ' . (Spectra::flush((int) $_GET['flush']) ? '1' : '0'));
}
header('Content-Type: application/json');
echo json_encode(Spectra::stats(), JSON_UNESCAPED_SLASHES), "\n";
