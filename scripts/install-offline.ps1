# Install gpp-tui from an offline bundle, without internet (Windows PowerShell 5.1 or later).
# scripts/build-offline-bundle copies this file into the bundle, next to wheels/.
#
#   powershell -ExecutionPolicy Bypass -File install-offline.ps1 [TARGET_DIR]
#
# TARGET_DIR (default: %LOCALAPPDATA%\Programs\gpp-tui) becomes a Python virtual
# environment holding gpp-tui; run this again with a newer bundle to upgrade.
# Nothing is downloaded: pip gets --no-index. Keep this file ASCII (PowerShell 5.1).
param([string]$Target = (Join-Path $env:LOCALAPPDATA "Programs\gpp-tui"))
# Native commands report through $LASTEXITCODE, checked after each one.
$ErrorActionPreference = "Continue"

$Supported = @("3.11", "3.12", "3.13")  # set by build-offline-bundle
$Wheels = Join-Path $PSScriptRoot "wheels"

function Fail([string]$Message) {
    Write-Host "install-offline: $Message" -ForegroundColor Red
    exit 1
}

if (-not (Test-Path $Wheels)) { Fail "no wheels folder next to this script ($PSScriptRoot)" }

# Candidates: the py launcher for each supported version (newest first), then python.
$Candidates = @()
foreach ($Version in ($Supported | Sort-Object -Descending)) {
    $Candidates += , @("py", "-$Version")
}
$Candidates += , @("python")
$Python = $null
foreach ($Candidate in $Candidates) {
    $Exe = $Candidate[0]
    $Pre = @($Candidate | Select-Object -Skip 1)
    if (-not (Get-Command $Exe -ErrorAction SilentlyContinue)) { continue }
    $Found = & $Exe @Pre -c "import sys; print('%d.%d' % sys.version_info[:2])" 2>$null
    if ($LASTEXITCODE -eq 0 -and $Found -and ($Supported -contains "$Found".Trim())) {
        $Python = $Candidate
        break
    }
}
if (-not $Python) {
    Fail ("no Python $($Supported -join ', ') found. Install one from python.org " +
          "(tick 'Add python.exe to PATH') and run this again.")
}
$PyExe = $Python[0]
$PyPre = @($Python | Select-Object -Skip 1)
Write-Host "Using $($Python -join ' '); installing into $Target"

& $PyExe @PyPre -m venv $Target
if ($LASTEXITCODE -ne 0) { Fail "could not create a virtual environment in $Target" }

$VenvPython = Join-Path $Target "Scripts\python.exe"
& $VenvPython -m pip install --isolated --no-index --find-links $Wheels `
    --disable-pip-version-check --upgrade gpp-tui
if ($LASTEXITCODE -ne 0) { Fail "pip could not install gpp-tui from $Wheels (see above)" }

$Gpp = Join-Path $Target "Scripts\gpp.exe"
& $Gpp --version
if ($LASTEXITCODE -ne 0) { Fail "gpp-tui was installed but does not start" }
Write-Host ""
Write-Host "Done. Start it with:  & `"$Gpp`""
Write-Host ("(In Windows Terminal or PowerShell. Add " + (Join-Path $Target "Scripts") +
            " to your PATH to type just: gpp)")
