@echo off
rem Install gpp-tui from this folder, without internet: double-click, or run from cmd.
rem scripts/build-offline-bundle copies this file into the bundle, next to install-offline.ps1.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-offline.ps1" %*
set status=%errorlevel%
pause
exit /b %status%
