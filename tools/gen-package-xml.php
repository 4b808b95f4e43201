<?php
// Rewrites the <contents> of package.xml from the files git tracks, so the PECL package
// always ships every file with its role. Usage: php tools/gen-package-xml.php [--check]
// (--check: exit 1 if package.xml is not up to date, without writing it).
$root = dirname(__DIR__);
chdir($root);
exec('git ls-files', $files, $status);
if ($status !== 0) {
    fwrite(STDERR, "git ls-files failed\n");
    exit(2);
}
// Not shipped: CI, editor/format config, the Composer/PIE manifest, benchmarks.
$excluded = '#^(\.ci/|\.gitignore$|\.clang-format$|bench/|tests/fuzz/|composer\.json$|package\.xml$|tools/check-format\.sh$)#';
$files = array_values(array_filter($files, fn ($f) => !preg_match($excluded, $f)));
sort($files, SORT_STRING);

function role_of(string $file): string
{
    if (str_starts_with($file, 'tests/')) {
        return 'test';
    }
    if (preg_match('#^(docs/|examples/)|^(README\.md|LICENSE)$#', $file)) {
        return 'doc';
    }
    return 'src';
}

// Nested directory tree.
$tree = [];
foreach ($files as $file) {
    $node = &$tree;
    $parts = explode('/', $file);
    $name = array_pop($parts);
    foreach ($parts as $dir) {
        $node['dirs'][$dir] ??= [];
        $node = &$node['dirs'][$dir];
    }
    $node['files'][] = $name;
    unset($node);
}

function render(array $node, string $path, int $depth): string
{
    $out = '';
    $pad = str_repeat(' ', $depth);
    ksort($node['dirs']);
    foreach ($node['dirs'] ?? [] as $dir => $child) {
        $out .= "$pad<dir name=\"" . htmlspecialchars($dir) . "\">\n" . render($child + ['dirs' => []], "$path$dir/", $depth + 1) . "$pad</dir>\n";
    }
    foreach ($node['files'] ?? [] as $file) {
        $out .= "$pad<file name=\"" . htmlspecialchars($file) . '" role="' . role_of($path . $file) . "\"/>\n";
    }
    return $out;
}

$contents = " <contents>\n  <dir name=\"/\">\n" . render($tree + ['dirs' => []], '', 3) . "  </dir>\n </contents>";
$xml = file_get_contents('package.xml');
$updated = preg_replace('#^ <contents>.*?^ </contents>#ms', $contents, $xml, 1);
if (in_array('--check', $argv, true)) {
    if ($updated !== $xml) {
        fwrite(STDERR, "package.xml is out of date: run php tools/gen-package-xml.php\n");
        exit(1);
    }
    echo "package.xml lists all " . count($files) . " shipped files\n";
    exit(0);
}
file_put_contents('package.xml', $updated);
echo "package.xml: " . count($files) . " files\n";
