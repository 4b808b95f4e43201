<?php
// One Spectra::track() around a real POST to the mock provider. ?id= names the request (it
// becomes the span's spectra.metadata.e2e_req). Works without the extension (bench).
declare(strict_types=1);
require __DIR__ . '/common.php';

e2e_json(e2e_tracked_call((string) ($_GET['id'] ?? '0')));
